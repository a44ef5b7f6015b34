/**
 * `/console/people`: everyone named in the incidents this DSL can open, and
 * `/console/people/$personKey`: all incidents involving one person, oldest first, each with
 * their part in it and its chronology: the chronology per child that KCSIE asks a DSL to
 * keep. People are matched by name (any spacing or capitals), as staff write them.
 */
import { useParams } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useMemo, useState } from 'preact/hooks';
import { KIND_LABELS, ROLE_LABELS, isPersonKind, isPersonRole } from '../../domain/people.ts';
import { casesForPerson, peopleIndex, personKey } from '../../domain/triage.ts';
import { usePolicy } from '../app/policy.tsx';
import { ChronologyEntryView } from '../wizard/ChronologyEntry.tsx';
import { ConsoleFrame } from '../wizard/ConsoleFrame.tsx';
import { showTime } from '../wizard/walk-state.ts';
import { CaseFlags, StatusPill } from './CaseBadges.tsx';
import { RecordsProgress } from './RecordsProgress.tsx';
import { useCases } from './use-cases.ts';

export function PeopleRoute() {
  return (
    <ConsoleFrame>
      <PeoplePage />
    </ConsoleFrame>
  );
}

export function PersonRoute() {
  const { personKey: key } = useParams({ from: '/console/people/$personKey' });
  return (
    <ConsoleFrame>
      <PersonPage personKey={key} />
    </ConsoleFrame>
  );
}

const kinds = (list: string[]) =>
  list.map((k) => (isPersonKind(k) ? KIND_LABELS[k] : k)).join(', ');

function PeoplePage() {
  const { records, cases } = useCases();
  const [query, setQuery] = useState('');
  const people = useMemo(() => peopleIndex(cases.map((c) => c.summary)), [cases]);
  const q = personKey(query);
  const shown = q ? people.filter((p) => p.key.includes(q)) : people;
  return (
    <>
      <h1>People</h1>
      <p>Everyone named in an incident. Choose a person to see all their incidents in order.</p>
      <RecordsProgress records={records} />
      <label class="field">
        Find a person
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <p role="status" class="muted">
        {records.busy && cases.length === 0
          ? 'Opening the records this console holds…'
          : `${shown.length} ${shown.length === 1 ? 'person' : 'people'}.`}
      </p>
      <ul class="list" aria-label="People">
        {shown.slice(0, 200).map((p) => (
          <li key={p.key}>
            <span>
              <Link to="/console/people/$personKey" params={{ personKey: p.key }}>
                {p.name}
              </Link>{' '}
              <span class="muted">
                {kinds(p.kinds)}
                {p.yearGroups.length > 0 && ` · ${p.yearGroups.join(', ')}`} · {p.incidents}{' '}
                {p.incidents === 1 ? 'incident' : 'incidents'}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {shown.length > 200 && <p class="muted">Showing the first 200: search to narrow the list.</p>}
    </>
  );
}

function PersonPage({ personKey: key }: { personKey: string }) {
  const { records, cases } = useCases();
  const { pack } = usePolicy();
  const list = useMemo(() => {
    const byId = new Map(cases.map((c) => [c.summary.incidentId, c]));
    return casesForPerson(
      cases.map((c) => c.summary),
      key,
    ).map((s) => byId.get(s.incidentId)!);
  }, [cases, key]);
  const person = list[0]?.summary.people.find((p) => personKey(p.name) === key);
  const name = person?.name ?? key;
  const titleOf = (id: string) => pack?.flowcharts.find((f) => f.id === id)?.title ?? id;
  const now = Date.now();
  return (
    <>
      <h1>Incidents involving {name}</h1>
      <p>
        <Link to="/console/people">All people</Link>
      </p>
      <RecordsProgress records={records} />
      <p role="status" class="muted">
        {records.busy && cases.length === 0
          ? 'Opening the records this console holds…'
          : `${list.length} ${list.length === 1 ? 'incident' : 'incidents'}, oldest first.`}
      </p>
      <ol class="person-chronology" aria-label={`Incidents involving ${name}`}>
        {list.map(({ summary: s, chronology }) => {
          const parts = s.people.filter((p) => personKey(p.name) === key);
          return (
            <li key={s.incidentId} class="card">
              <h2>
                <Link to="/console/incidents/$incidentId" params={{ incidentId: s.incidentId }}>
                  {s.reference}
                  {s.categoryLabel ? ` · ${s.categoryLabel}` : ''}
                </Link>{' '}
                <StatusPill status={s.status} />
              </h2>
              <p>
                {showTime(s.recordedAt)}
                {s.where ? ` · ${s.where}` : ''} · Their part:{' '}
                {parts
                  .map((p) => (isPersonRole(p.role) ? ROLE_LABELS[p.role] : 'not given'))
                  .join(', ')}
              </p>
              <CaseFlags summary={s} now={now} />
              {s.outcome && (
                <p>
                  <strong>Outcome:</strong> {s.outcome}
                </p>
              )}
              <details>
                <summary>
                  Chronology ({chronology.entries.length}{' '}
                  {chronology.entries.length === 1 ? 'entry' : 'entries'})
                </summary>
                <ol class="chronology">
                  {chronology.entries.map((e) => (
                    <ChronologyEntryView key={e.event.id} entry={e} flowchartTitle={titleOf} />
                  ))}
                </ol>
              </details>
            </li>
          );
        })}
      </ol>
    </>
  );
}
