/**
 * `/console/incidents`: the DSL's triage queue. Cases with an urgent flag (suspected illegal
 * material, a child at risk, a member of staff involved, a data-breach clock running) come
 * first, then new, open and closed; search and filters by category, status, flag, date and
 * person live in the address, so Back and bookmarks keep them. Long lists show in pages of
 * 100, so ten thousand records stay quick to filter. Guides started without an incident are
 * listed below, to continue or attach.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useMemo, useState } from 'preact/hooks';
import { isUrgent, URGENT_FLAGS, FLAG_LABELS, STATUS_LABELS } from '../../domain/case-state.ts';
import { filterCases, indexCases, NO_FILTER, type TriageFilter } from '../../domain/triage.ts';
import { usePolicy } from '../app/policy.tsx';
import type { TriageSearch } from '../app/routes.tsx';
import { ConsoleFrame } from '../wizard/ConsoleFrame.tsx';
import { showTime } from '../wizard/walk-state.ts';
import { CaseFlags, StatusPill } from './CaseBadges.tsx';
import { CheckForRecords, RecordsProgress } from './RecordsProgress.tsx';
import { useCases, type Case } from './use-cases.ts';

const PAGE = 100;

export function TriageRoute() {
  return (
    <ConsoleFrame>
      <TriagePage />
    </ConsoleFrame>
  );
}

function toFilter(s: TriageSearch): TriageFilter {
  return {
    ...NO_FILTER,
    query: s.q ?? '',
    categoryId: s.category ?? '',
    status: (['new', 'open', 'closed'] as const).find((x) => x === s.status) ?? '',
    flag: URGENT_FLAGS.find((x) => x === s.flag) ?? '',
    person: s.person ?? '',
    from: s.from ?? '',
    to: s.to ?? '',
  };
}

function TriagePage() {
  const { records, cases } = useCases();
  const { pack } = usePolicy();
  const search = useSearch({ from: '/console/incidents' });
  const navigate = useNavigate({ from: '/console/incidents' });
  const [shown, setShown] = useState(PAGE);
  const filter = toFilter(search);
  const index = useMemo(() => indexCases(cases.map((c) => c.summary)), [cases]);
  const byId = useMemo(() => new Map(cases.map((c) => [c.summary.incidentId, c])), [cases]);
  const found = useMemo(() => filterCases(index, filter), [index, JSON.stringify(filter)]);
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const now = Date.now();
  const urgent = found.filter(isUrgent);
  const rest = found.filter((s) => !isUrgent(s));
  // One page across both lists: urgent cases first, so a year with thousands of flagged
  // records still draws 100 rows, not thousands, on opening and on every keystroke.
  const urgentShown = urgent.slice(0, shown);
  const restShown = rest.slice(0, Math.max(0, shown - urgent.length));
  const loose = records.result?.unattached ?? [];
  const titleOf = (id: string) => pack?.flowcharts.find((f) => f.id === id)?.title ?? id;
  const set = (patch: Partial<TriageSearch>) => {
    setShown(PAGE);
    void navigate({
      search: (old: TriageSearch) => {
        const next: TriageSearch = { ...old, ...patch };
        for (const k of Object.keys(next) as (keyof TriageSearch)[]) if (!next[k]) delete next[k];
        return next;
      },
      replace: true,
    });
  };
  const categories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of cases) {
      if (c.summary.categoryId) seen.set(c.summary.categoryId, c.summary.categoryLabel ?? '');
    }
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
  }, [cases]);

  return (
    <>
      <h1>Incidents</h1>
      <div class="actions">
        <CheckForRecords records={records} />
        <Link class="button" to="/console/guide" search={{}}>
          Guide me through a procedure
        </Link>
      </div>
      <RecordsProgress records={records} />

      <form
        class="card triage-filters"
        aria-label="Search and filter incidents"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Search
          <input
            type="search"
            value={filter.query}
            placeholder="Reference, words, place or name"
            onInput={(e) => set({ q: e.currentTarget.value })}
          />
        </label>
        <div class="triage-filter">
          <label for="triage-category">Category</label>
          <select
            id="triage-category"
            value={filter.categoryId}
            onChange={(e) => set({ category: e.currentTarget.value })}
          >
            <option value="">Any category</option>
            {categories.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="triage-filter">
          <label for="triage-status">Status</label>
          <select
            id="triage-status"
            value={filter.status}
            onChange={(e) => set({ status: e.currentTarget.value })}
          >
            <option value="">Any status</option>
            {(['new', 'open', 'closed'] as const).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="triage-filter">
          <label for="triage-flag">Urgent flag</label>
          <select
            id="triage-flag"
            value={filter.flag}
            onChange={(e) => set({ flag: e.currentTarget.value })}
          >
            <option value="">Any or none</option>
            {URGENT_FLAGS.map((f) => (
              <option key={f} value={f}>
                {FLAG_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <label>
          Person
          <input
            type="search"
            value={filter.person}
            placeholder="Part of a name"
            onInput={(e) => set({ person: e.currentTarget.value })}
          />
        </label>
        <label>
          From
          <input
            type="date"
            value={filter.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={filter.to}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
        {filtered && (
          <button
            type="button"
            class="secondary"
            onClick={() => void navigate({ search: {}, replace: true }).then(() => setShown(PAGE))}
          >
            Clear filters
          </button>
        )}
      </form>

      <p role="status" class="muted" data-testid="triage-count">
        {records.busy && cases.length === 0
          ? 'Opening the records this console holds…'
          : filtered
            ? `${found.length} of ${cases.length} incidents match.`
            : `${cases.length} incidents. ${urgent.length} need attention first.`}
      </p>

      {urgent.length > 0 && (
        <section aria-labelledby="triage-urgent">
          <h2 id="triage-urgent">Needs attention first ({urgent.length})</h2>
          <CaseList
            list={urgentShown.map((s) => byId.get(s.incidentId)!)}
            now={now}
            label="Urgent incidents"
          />
        </section>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="triage-rest">
          <h2 id="triage-rest">
            {urgent.length > 0 ? 'Everything else' : 'All incidents'} ({rest.length})
          </h2>
          <CaseList
            list={restShown.map((s) => byId.get(s.incidentId)!)}
            now={now}
            label="Incidents"
          />
        </section>
      )}
      {urgentShown.length + restShown.length < found.length && (
        <button type="button" class="secondary" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, found.length - urgentShown.length - restShown.length)} more
        </button>
      )}

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

function CaseList({ list, now, label }: { list: Case[]; now: number; label: string }) {
  return (
    <ul class="list triage-list" aria-label={label}>
      {list.map(({ summary: s }) => (
        <li key={s.incidentId} data-incident={s.incidentId}>
          <span>
            <Link to="/console/incidents/$incidentId" params={{ incidentId: s.incidentId }}>
              {s.reference}
              {s.categoryLabel ? ` · ${s.categoryLabel}` : ''}
              {s.where ? ` · ${s.where}` : ''}
            </Link>{' '}
            <StatusPill status={s.status} />
            <br />
            <span class="muted">
              {s.known
                ? `Recorded ${showTime(s.recordedAt)} by ${s.recordedBy}`
                : 'Record not here yet'}
              {s.people.length > 0 &&
                ` · ${s.people.length} ${s.people.length === 1 ? 'person' : 'people'}`}
            </span>
            <br />
            <CaseFlags summary={s} now={now} />
          </span>
        </li>
      ))}
    </ul>
  );
}
