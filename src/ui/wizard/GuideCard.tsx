import { Link } from '@tanstack/react-router';

/** The console's way into the guided procedures and the incidents' chronologies. */
export function GuideCard() {
  return (
    <section class="card" aria-labelledby="guide-card-title">
      <h2 id="guide-card-title">Guide me through a procedure</h2>
      <p>
        The school’s own flowcharts, one question at a time, offline too. Every decision and action
        is sealed into the incident’s chronology.
      </p>
      <div class="actions">
        <Link class="button" to="/console/guide" search={{}}>
          Guide me through a procedure
        </Link>
        <Link class="button secondary" to="/console/incidents">
          Incidents and chronologies
        </Link>
      </div>
    </section>
  );
}
