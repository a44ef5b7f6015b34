import { useId } from 'preact/hooks';
import { LOG_COLUMNS, type LogRow } from '../../domain/incident-log.ts';

/**
 * The incident log laid out like the ODST paper Reporting Log: Date, Time, Incident, Action
 * Taken (one line per action: what, by whom, when), Incident Reported By, Signature. Pure,
 * so the route, the opened export bundle and the tests all draw the same table.
 */
export function LogTable({ rows, caption }: { rows: readonly LogRow[]; caption: string }) {
  const id = useId();
  return (
    // Focusable and named, so a keyboard user can scroll a table wider than the screen.
    <div class="log-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table class="log-table" data-testid="incident-log">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {LOG_COLUMNS.map((c) => (
              <th key={c} scope="col" class={`log-${c.split(' ')[0]!.toLowerCase()}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.incidentId}>
              <td>{r.date}</td>
              <td>{r.time}</td>
              <td>{r.incident}</td>
              <td>
                {r.actions.length > 0 ? (
                  <ul class="log-actions">
                    {r.actions.map((a, i) => (
                      <li key={i}>{a}</li>
                    ))}
                  </ul>
                ) : (
                  'None recorded yet'
                )}
              </td>
              <td>{r.reportedBy}</td>
              <td>{r.signature}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
