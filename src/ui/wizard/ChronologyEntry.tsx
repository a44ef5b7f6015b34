import type { CaseEventPayload } from '../../domain/case-events.ts';
import type { ChronologyEntry } from '../../domain/chronology.ts';
import type { LinkState } from '../../sync/chain-link.ts';
import type { OpenedEvent } from './opened-events.ts';
import { showTime } from './walk-state.ts';

const KIND = {
  'incident.created': 'Incident recorded',
  'step.answered': 'Decision',
  'walk.attached': 'Guide attached',
  'action.recorded': 'Action',
} as const;

const CASE_KIND = {
  'case.note': 'Note',
  'case.action': 'Action',
  'case.decision': 'Decision',
  'case.amendment': 'Record amended',
  'incident.closed': 'Closed',
  'incident.reopened': 'Reopened',
} as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** One line of the chronology: what, when, by whom, from which device, signature checked. */
export function ChronologyEntryView({
  entry,
  flowchartTitle,
  chain = 'unchecked',
}: {
  entry: ChronologyEntry<OpenedEvent>;
  flowchartTitle: (id: string) => string;
  /** This entry's link in the endpoint's hash chain, where the screen checked it. */
  chain?: LinkState;
}) {
  const { event, body } = entry;
  const superseded = 'superseded' in body && body.superseded;
  const isContinue = body.type === 'step.answered' && body.payload.answerId === 'continue';
  return (
    <li class={`chrono-entry ${body.type}${superseded ? ' superseded' : ''}`}>
      <p class="chrono-when">
        <time dateTime={event.created}>{showTime(event.created)}</time> ·{' '}
        <strong>
          {body.type === 'case'
            ? CASE_KIND[body.payload.type]
            : isContinue
              ? 'Checklist completed'
              : KIND[body.type]}
        </strong>
        {superseded && (
          <span class="status-pill warn">
            {body.type === 'action.recorded' ? 'Corrected later' : 'Changed later'}
          </span>
        )}
      </p>
      {body.type === 'incident.created' && (
        <Created fields={body.payload.fields} by={body.payload.recordedBy} />
      )}
      {body.type === 'step.answered' &&
        (isContinue ? (
          <p>
            {body.payload.flowchartTitle}: checklist “{body.payload.prompt}” recorded; moved on. By{' '}
            {body.payload.by}.
          </p>
        ) : (
          <>
            <p>
              {body.payload.flowchartTitle}: {body.payload.prompt}
            </p>
            <p class="chrono-decision">
              Decided: <strong>{body.payload.label}</strong>. By {body.payload.by}.
            </p>
            {body.payload.reason && (
              <p class="chrono-reason">
                <strong>Reason:</strong> {body.payload.reason}
              </p>
            )}
          </>
        ))}
      {body.type === 'action.recorded' && (
        <>
          <p>
            {body.payload.status === 'done' ? '✓ Done: ' : '✗ Not done: '}
            {body.payload.text}
          </p>
          {body.payload.status === 'not-done' && (
            <p class="chrono-reason">
              <strong>Reason:</strong> {body.payload.reason}
            </p>
          )}
          <p>
            {body.payload.status === 'done' ? 'Done by' : 'Decided by'} {body.payload.by},{' '}
            {showTime(body.payload.at)}. Recorded by {body.payload.recordedBy} (
            {body.payload.nodeTitle}).
          </p>
        </>
      )}
      {body.type === 'walk.attached' && (
        <p>
          “{flowchartTitle(body.payload.flowchartId)}”, started without an incident, attached to
          this incident by {body.payload.by}.
        </p>
      )}
      {body.type === 'case' && <CaseBody payload={body.payload} />}
      <p class="chrono-who">
        From {event.deviceName} ·{' '}
        <span class="status-pill ok">✓ Signature verified (key {event.signer})</span>
        {event.pending ? (
          <span class="status-pill warn"> Waiting to send</span>
        ) : (
          event.logIndex !== null && <LogPlace event={event} chain={chain} />
        )}
      </p>
    </li>
  );
}

/** Where the entry sits in the endpoint's hash-chained log, and whether its link checked. */
function LogPlace({ event, chain }: { event: OpenedEvent; chain: LinkState }) {
  if (chain === 'verified') {
    return (
      <span class="status-pill ok">
        {' '}
        ✓ In the school’s log (entry {event.logIndex}), chain verified
      </span>
    );
  }
  if (chain === 'broken') {
    return (
      <span class="status-pill bad">
        {' '}
        ✗ The log’s hash chain does not verify at entry {event.logIndex}
      </span>
    );
  }
  return <span class="status-pill"> In the school’s log (entry {event.logIndex})</span>;
}

function CaseBody({ payload: p }: { payload: CaseEventPayload }) {
  switch (p.type) {
    case 'case.note':
      return (
        <>
          <p class="chrono-what">{p.text}</p>
          <p>Noted by {p.by}.</p>
        </>
      );
    case 'case.action':
      return (
        <>
          <p>✓ {p.what}</p>
          <p>
            Done by {p.doneBy}, {showTime(p.doneAt)}. Recorded by {p.by}.
          </p>
        </>
      );
    case 'case.decision':
      return (
        <>
          <p class="chrono-decision">
            Decided: <strong>{p.decision}</strong>. By {p.by}.
          </p>
          <p class="chrono-reason">
            <strong>Reason:</strong> {p.reason}
          </p>
        </>
      );
    case 'case.amendment':
      return (
        <>
          {p.category && (
            <p>
              Category changed to <strong>{p.category.label}</strong>.
            </p>
          )}
          {p.correction && (
            <p>
              <strong>Correction:</strong> {p.correction}
            </p>
          )}
          <p class="chrono-reason">
            <strong>Reason:</strong> {p.reason} (by {p.by})
          </p>
        </>
      );
    case 'incident.closed':
      return (
        <p>
          <strong>Outcome:</strong> {p.outcome} Closed by {p.by}.
        </p>
      );
    case 'incident.reopened':
      return (
        <p class="chrono-reason">
          <strong>Why reopened:</strong> {p.reason} (by {p.by})
        </p>
      );
  }
}

function Created({ fields, by }: { fields: Record<string, unknown>; by: string }) {
  const category = fields.category as { label?: unknown } | null | undefined;
  return (
    <>
      <p>
        Recorded by {by || 'a member of staff'}
        {str(category?.label) ? `: ${str(category?.label)}` : ''}
        {str(fields.where) ? `, at ${str(fields.where)}` : ''}.
      </p>
      {str(fields.what) && <p class="chrono-what">{str(fields.what)}</p>}
    </>
  );
}
