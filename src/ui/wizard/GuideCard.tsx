import { Link } from '../components/Link.tsx';

/** The console's way into the guided procedures, triage, people and retention. */
export function GuideCard() {
  return (
    <section class="card" aria-labelledby="guide-card-title">
      <h2 id="guide-card-title">Incidents and procedures</h2>
      <p>
        The school’s own flowcharts, one question at a time, offline too. Every decision and action
        is sealed into the incident’s chronology.
      </p>
      <div class="actions">
        <Link class="button" to="/console/guide" search={{}}>
          Guide me through a procedure
        </Link>
        <Link class="button secondary" to="/console/incidents" search={{}}>
          Incidents
        </Link>
        <Link class="button secondary" to="/console/people">
          People
        </Link>
        <Link class="button secondary" to="/console/log">
          Incident log
        </Link>
        <Link class="button secondary" to="/console/summary">
          Governor summary
        </Link>
        <Link class="button secondary" to="/console/retention">
          Retention
        </Link>
      </div>
    </section>
  );
}
