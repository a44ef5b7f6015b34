/**
 * `/console/incidents`: every incident this DSL can open (their own records and, for a lead
 * who joined later, granted ones), newest first, each leading to its chronology; and the
 * guides started without an incident, to continue or attach.
 */
import { Link } from '@tanstack/react-router';
import { usePolicy } from '../app/policy.tsx';
import { Notice } from '../components/Notice.tsx';
import { ConsoleFrame } from './ConsoleFrame.tsx';
import { summarise } from './incident-summary.ts';
import { useConsoleRecords } from './use-console-records.ts';
import { showTime } from './walk-state.ts';

export function IncidentsRoute() {
  return (
    <ConsoleFrame>
      <IncidentsPage />
    </ConsoleFrame>
  );
}

function IncidentsPage() {
  const records = useConsoleRecords(true);
  const { pack } = usePolicy();
  const incidents = [...(records.result?.incidents ?? [])].reverse();
  const loose = records.result?.unattached ?? [];
  const titleOf = (id: string) => pack?.flowcharts.find((f) => f.id === id)?.title ?? id;
  return (
    <>
      <h1>Incidents and chronologies</h1>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={records.busy}
          onClick={() => void records.refresh(true)}
        >
          {records.busy ? 'Checking…' : 'Check for new records'}
        </button>
        <Link class="button" to="/console/guide" search={{}}>
          Guide me through a procedure
        </Link>
      </div>
      <p role="status" class="muted">
        {records.busy
          ? 'Opening the records this console holds…'
          : `${incidents.length} incidents.`}
      </p>
      {records.network && <Notice tone="warn">{records.network}</Notice>}
      <ul class="list wizard-incidents" aria-label="Incidents">
        {incidents.map((c) => {
          const s = summarise(c);
          const decisions = c.entries.filter((e) => e.body.type !== 'incident.created').length;
          return (
            <li key={c.incidentId}>
              <span>
                <Link to="/console/incidents/$incidentId" params={{ incidentId: c.incidentId }}>
                  {s.reference}
                  {s.categoryLabel ? ` · ${s.categoryLabel}` : ''}
                  {s.where ? ` · ${s.where}` : ''}
                </Link>
                <br />
                <span class="muted">
                  {s.known
                    ? `Recorded ${showTime(s.recordedAt)} by ${s.recordedBy}`
                    : 'Record not here'}
                  {` · ${decisions} ${decisions === 1 ? 'decision or action' : 'decisions and actions'}`}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {loose.length > 0 && (
        <section class="card" aria-labelledby="loose-walks">
          <h2 id="loose-walks">Guides not attached to an incident</h2>
          <ul class="list">
            {loose.map(({ walk }) => (
              <li key={walk.walkId}>
                <span>
                  {titleOf(walk.flowchartId)}{' '}
                  <span class="muted">started {showTime(walk.startedAt)}</span>
                </span>
                <Link
                  class="button secondary"
                  to="/console/guide"
                  search={{ flowchart: walk.flowchartId, walk: walk.walkId }}
                >
                  Continue or attach
                  <span class="visually-hidden">: {titleOf(walk.flowchartId)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
