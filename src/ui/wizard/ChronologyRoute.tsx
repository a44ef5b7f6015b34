/**
 * `/console/incidents/$incidentId`: the incident view. Where the case stands (status, urgent
 * flags, the data-breach clock, people, retention), the DSL's own work on it (notes,
 * actions, decisions, amendments, closing, reopening: casework/CaseWork.tsx), the guided
 * procedures on it, and the whole chronology merged from every device's events this DSL can
 * open (a lead who joined later reads earlier events through grants), each entry with its
 * author, device and verified signature.
 */
import { useNavigate, useParams } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import { completeFields, incidentReference } from '../../domain/incident.ts';
import { isIncidentFields } from '../../domain/incident-payload.ts';
import { RecordFields } from '../console/RecordFields.tsx';
import { chainStates } from '../casework/chain-state.ts';
import type { LinkState } from '../../sync/chain-link.ts';
import { useSession } from '../app/session.tsx';
import { ulid } from '../../domain/ulid.ts';
import { usePolicy } from '../app/policy.tsx';
import { Notice } from '../components/Notice.tsx';
import { CaseFlags, StatusPill } from '../casework/CaseBadges.tsx';
import { CaseWork } from '../casework/CaseWork.tsx';
import { CheckForRecords, RecordsProgress } from '../casework/RecordsProgress.tsx';
import { useCases } from '../casework/use-cases.ts';
import { personKey } from '../../domain/triage.ts';
import { KIND_LABELS, ROLE_LABELS, isPersonKind, isPersonRole } from '../../domain/people.ts';
import { ChronologyEntryView } from './ChronologyEntry.tsx';
import { WalkLine } from './WalkLine.tsx';
import { ConsoleFrame } from './ConsoleFrame.tsx';
import { suggestedFlowchart, summarise } from './incident-summary.ts';
import { SendStatus, useSending } from './use-sending.tsx';
import { showTime } from './walk-state.ts';

export function ChronologyRoute() {
  const { incidentId } = useParams({ from: '/console/incidents/$incidentId' });
  return (
    <ConsoleFrame>
      <ChronologyPage incidentId={incidentId} />
    </ConsoleFrame>
  );
}

function ChronologyPage({ incidentId }: { incidentId: string }) {
  const { records, cases } = useCases();
  const sending = useSending();
  const session = useSession();
  const { pack } = usePolicy();
  const navigate = useNavigate();
  const found = cases.find((c) => c.summary.incidentId === incidentId);
  const chronology = found?.chronology;
  const state = found?.summary;
  const summary = chronology ? summarise(chronology) : null;
  const created =
    chronology?.created?.body.type === 'incident.created' ? chronology.created.body.payload : null;
  const erased = records.result?.erased.find((e) => e.payload.incidentId === incidentId);
  // What this console just sealed moves from its outbox to the pulled log while it sends:
  // read again when a send finishes, so the chronology never misses it in between.
  const [chain, setChain] = useState<Map<string, LinkState>>(new Map());
  useEffect(() => {
    if (!chronology) return;
    let live = true;
    void chainStates(
      session.db,
      chronology.entries.map((e) => e.event),
    ).then((m) => live && setChain(m));
    return () => void (live = false);
  }, [chronology, session.db]);
  const wasSending = useRef(false);
  useEffect(() => {
    if (wasSending.current && !sending.sending) void records.refresh(false);
    wasSending.current = sending.sending;
  }, [sending.sending]);
  const suggested = pack ? suggestedFlowchart(pack, summary?.categoryId ?? null) : undefined;
  const reference = incidentReference(incidentId);
  const titleOf = (id: string) => pack?.flowcharts.find((f) => f.id === id)?.title ?? id;
  const rejected = (records.result?.rejected ?? []).filter(
    (r) => (r.event.payload as { incidentId?: unknown } | null)?.incidentId === incidentId,
  );

  return (
    <>
      <h1>
        Incident {reference} {state && <StatusPill status={state.status} />}
      </h1>
      <div class="actions">
        <CheckForRecords records={records} />
      </div>
      <RecordsProgress records={records} />
      <p role="status" class="muted">
        {records.busy
          ? 'Opening the records this console holds…'
          : `${chronology?.entries.length ?? 0} entries, oldest first.`}
      </p>
      {erased && (
        <Notice tone="info" title="This record has been deleted">
          It was deleted by {erased.payload.by} on {showTime(erased.payload.at)} at the end of its
          retention period.
        </Notice>
      )}
      {summary && !summary.known && (
        <Notice tone="warn" title="The incident record itself is not here">
          Its record has not arrived on this console, or cannot be opened here. What was decided
          about it is shown below.
        </Notice>
      )}
      {state?.known && (
        <section class="card" aria-labelledby="chrono-summary">
          <h2 id="chrono-summary">{state.categoryLabel ?? 'Category not chosen'}</h2>
          <CaseFlags summary={state} now={Date.now()} />
          <p>
            {state.where && <>At {state.where}. </>}
            Recorded by {state.recordedBy}
            {state.recordedAt && `, ${showTime(state.recordedAt)}`}.
            {state.firstActionAt
              ? ` First DSL action ${showTime(state.firstActionAt)}.`
              : ' No DSL has acted on it yet.'}
          </p>
          {state.status === 'closed' && (
            <p>
              <strong>Closed</strong> by {state.closedBy}, {showTime(state.closedAt ?? '')}:{' '}
              {state.outcome}
            </p>
          )}
          {state.people.length > 0 && (
            <>
              <h3>People</h3>
              <ul class="case-people">
                {state.people.map((p, i) => (
                  <li key={i}>
                    <Link to="/console/people/$personKey" params={{ personKey: personKey(p.name) }}>
                      {p.name}
                    </Link>{' '}
                    <span class="muted">
                      {isPersonRole(p.role) ? ROLE_LABELS[p.role] : 'Part not given'}
                      {isPersonKind(p.kind) ? ` · ${KIND_LABELS[p.kind]}` : ''}
                      {p.yearGroup ? ` · ${p.yearGroup}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {created && isIncidentFields(created.fields) && (
            <details class="case-record">
              <summary>The record as written</summary>
              <RecordFields
                fields={completeFields(created.fields)}
                recordedBy={created.recordedBy}
                recordedAt={created.recordedAt}
              />
              <p class="muted">
                Photos are shown with the record in the console’s list of new records.
              </p>
            </details>
          )}
          <p class="muted">
            Retention: {state.retention.dueOn ? `may be deleted from ${state.retention.dueOn}` : ''}
            {state.retention.dueOn ? ` (${state.retention.why})` : state.retention.why}
          </p>
        </section>
      )}
      {state && (
        <CaseWork
          summary={state}
          sending={sending}
          onRecorded={() => void records.refresh(false)}
        />
      )}
      <SendStatus sending={sending} />
      <section class="card" aria-labelledby="chrono-guide">
        <h2 id="chrono-guide">Guide me</h2>
        <div class="actions">
          {suggested && (
            <button
              type="button"
              onClick={() =>
                void navigate({
                  to: '/console/guide',
                  search: { flowchart: suggested.id, incident: incidentId, walk: ulid() },
                })
              }
            >
              Guide me: {suggested.title}
            </button>
          )}
          <Link
            class={`button${suggested ? ' secondary' : ''}`}
            to="/console/guide"
            search={{ incident: incidentId }}
          >
            {suggested ? 'Choose another procedure' : 'Guide me: choose a procedure'}
          </Link>
        </div>
        {pack && chronology && chronology.walks.length > 0 && (
          <>
            <h3>Procedures followed for this incident</h3>
            <ul class="list">
              {chronology.walks.map((w) => (
                <WalkLine key={w.walkId} pack={pack} walk={w} incidentId={incidentId} />
              ))}
            </ul>
          </>
        )}
      </section>
      <h2>Chronology</h2>
      <p class="muted">
        Each entry shows who recorded it, on which device, the fingerprint of the device key whose
        signature was checked when it was opened, and its place in the school’s log.
      </p>
      {chronology ? (
        <ol class="chronology" aria-label={`Chronology of ${reference}`}>
          {chronology.entries.map((e) => (
            <ChronologyEntryView
              key={e.event.id}
              entry={e}
              flowchartTitle={titleOf}
              chain={chain.get(e.event.id)}
            />
          ))}
        </ol>
      ) : (
        !records.busy && <p>Nothing about this incident can be opened on this console yet.</p>
      )}
      {(rejected.length > 0 || records.problems.length > 0) && (
        <details class="card chrono-problems">
          <summary>
            {rejected.length + records.problems.length} records could not be read here
          </summary>
          <ul>
            {rejected.map((r) => (
              <li key={r.event.id}>
                {r.event.id}: {r.problem}
              </li>
            ))}
            {records.problems.map((p) => (
              <li key={p.id}>
                {p.id}: {p.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
