/**
 * Everything a member of staff recorded about an incident, as text: nothing in it is a link
 * or is fetched (web addresses stay words). Shown in the console's list of new records and
 * in the incident view.
 */
import type { IncidentFields } from '../../domain/incident.ts';
import { KIND_LABELS, ROLE_LABELS } from '../../domain/people.ts';

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const local = (value: string) => (value ? value.replace('T', ' ') : '(not given)');
const AREA: Record<string, string> = {
  content: 'Content',
  contact: 'Contact',
  conduct: 'Conduct',
  commerce: 'Commerce',
};

export function RecordFields({
  fields: f,
  recordedBy,
  recordedAt,
}: {
  fields: IncidentFields;
  recordedBy: string;
  recordedAt: string;
}) {
  const e = f.evidence;
  return (
    <dl>
      <dt>Category</dt>
      <dd>
        {f.category
          ? `${f.category.label}${f.category.area ? ` (${AREA[f.category.area]})` : ''}`
          : 'Not chosen (for the DSL to decide)'}
      </dd>
      <dt>What happened</dt>
      <dd>{f.what}</dd>
      {f.childWords && (
        <>
          <dt>The child’s own words</dt>
          <dd class="quote">{f.childWords}</dd>
        </>
      )}
      <dt>When</dt>
      <dd>{local(f.when)}</dd>
      <dt>Where</dt>
      <dd>{f.where}</dd>
      {f.trip && (
        <>
          <dt>Trip or visit</dt>
          <dd>{f.trip}</dd>
        </>
      )}
      <dt>Reported by</dt>
      <dd>{f.reportedBy}</dd>
      <dt>Recorded by</dt>
      <dd>
        {recordedBy}, {time(recordedAt)}
      </dd>
      <dt>People involved</dt>
      <dd>
        {f.people.length === 0 ? (
          'None recorded'
        ) : (
          <ul>
            {f.people.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>: {p.role ? ROLE_LABELS[p.role] : 'part not given'},{' '}
                {KIND_LABELS[p.kind].toLowerCase()}
                {p.yearGroup ? `, ${p.yearGroup}` : ''}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Actions taken</dt>
      <dd>
        {f.actions.length === 0 ? (
          'None recorded'
        ) : (
          <ul>
            {f.actions.map((a) => (
              <li key={a.id}>
                {a.what}. By {a.by}, {local(a.when)}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>DSL told in person or by phone</dt>
      <dd>
        {f.told.dslToldVerbally === 'yes'
          ? `Yes${f.told.dslName ? `, ${f.told.dslName}` : ''}, ${local(f.told.dslToldAt)}`
          : f.told.dslToldVerbally === 'no'
            ? 'Not yet'
            : 'Not answered'}
      </dd>
      {f.told.others && (
        <>
          <dt>Also told</dt>
          <dd>{f.told.others}</dd>
        </>
      )}
      {e.notes && (
        <>
          <dt>Evidence notes</dt>
          <dd>{e.notes}</dd>
        </>
      )}
      {e.webAddresses && (
        <>
          <dt>Web addresses (as written: not opened, not links)</dt>
          <dd class="mono">{e.webAddresses}</dd>
        </>
      )}
      {e.devices.length > 0 && (
        <>
          <dt>Devices and custody</dt>
          <dd>
            <ul>
              {e.devices.map((d) => (
                <li key={d.id}>
                  {d.description}: taken by {d.takenBy}, {local(d.takenAt)}; kept now: {d.keptAt}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
