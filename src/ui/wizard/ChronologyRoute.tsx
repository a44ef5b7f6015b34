/**
 * `/console/incidents/$incidentId`: the incident's chronology, merged from every device's
 * events this DSL can open (a lead who joined later reads earlier events through grants),
 * with the guided procedures on it and a "Guide me" that opens the flowchart its category
 * suggests.
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import type { WalkRecord } from '../../domain/chronology.ts';
import { incidentReference } from '../../domain/incident.ts';
import { ulid } from '../../domain/ulid.ts';
import { currentNode, isFinished } from '../../policy/flowchart.ts';
import type { PolicyPack } from '../../policy/pack-schema.ts';
import { usePolicy } from '../app/policy.tsx';
import { Notice } from '../components/Notice.tsx';
import { ChronologyEntryView } from './ChronologyEntry.tsx';
import { ConsoleFrame } from './ConsoleFrame.tsx';
import { FlowDiagram } from './FlowDiagram.tsx';
import { suggestedFlowchart, summarise } from './incident-summary.ts';
import { useConsoleRecords } from './use-console-records.ts';
import { resumeWalk, showTime } from './walk-state.ts';

export function ChronologyRoute() {
  const { incidentId } = useParams({ from: '/console/incidents/$incidentId' });
  return (
    <ConsoleFrame>
      <ChronologyPage incidentId={incidentId} />
    </ConsoleFrame>
  );
}

function ChronologyPage({ incidentId }: { incidentId: string }) {
  const records = useConsoleRecords(true);
  const { pack } = usePolicy();
  const navigate = useNavigate();
  const chronology = records.result?.incidents.find((c) => c.incidentId === incidentId);
  const summary = chronology ? summarise(chronology) : null;
  const suggested = pack ? suggestedFlowchart(pack, summary?.categoryId ?? null) : undefined;
  const reference = incidentReference(incidentId);
  const titleOf = (id: string) => pack?.flowcharts.find((f) => f.id === id)?.title ?? id;
  const rejected = (records.result?.rejected ?? []).filter(
    (r) => (r.event.payload as { incidentId?: unknown } | null)?.incidentId === incidentId,
  );

  return (
    <>
      <h1>Chronology of {reference}</h1>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={records.busy}
          onClick={() => void records.refresh(true)}
        >
          {records.busy ? 'Checking…' : 'Check for new records'}
        </button>
      </div>
      <p role="status" class="muted">
        {records.busy
          ? 'Opening the records this console holds…'
          : `${chronology?.entries.length ?? 0} entries, oldest first.`}
      </p>
      {records.network && <Notice tone="warn">{records.network}</Notice>}
      {summary && !summary.known && (
        <Notice tone="warn" title="The incident record itself is not here">
          Its record has not arrived on this console, or cannot be opened here. What was decided
          about it is shown below.
        </Notice>
      )}
      {summary?.known && (
        <section class="card" aria-labelledby="chrono-summary">
          <h2 id="chrono-summary">{summary.categoryLabel ?? 'Category not chosen'}</h2>
          <p>
            {summary.where && <>At {summary.where}. </>}
            Recorded by {summary.recordedBy}
            {summary.recordedAt && `, ${showTime(summary.recordedAt)}`}.
          </p>
        </section>
      )}
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
      {chronology ? (
        <ol class="chronology" aria-label={`Chronology of ${reference}`}>
          {chronology.entries.map((e) => (
            <ChronologyEntryView key={e.event.id} entry={e} flowchartTitle={titleOf} />
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

/** One procedure on this incident: where it stands, continue it, see it drawn. */
function WalkLine({
  pack,
  walk,
  incidentId,
}: {
  pack: PolicyPack;
  walk: WalkRecord;
  incidentId: string;
}) {
  const [open, setOpen] = useState(false);
  const chart = pack.flowcharts.find((f) => f.id === walk.flowchartId);
  if (!chart) {
    return (
      <li>{walk.flowchartTitle || walk.flowchartId}: no longer in the school’s policy pack.</li>
    );
  }
  const { walk: w } = resumeWalk(chart, walk);
  const here = currentNode(w)?.node;
  const state =
    isFinished(w) && here?.kind === 'end'
      ? `Finished: ${here.outcome}`
      : `${w.decisions.length} decisions so far`;
  return (
    <li class="wizard-walkline">
      <span>
        <strong>{chart.title}</strong> <span class="muted">{state}</span>
      </span>
      <Link
        class="button secondary"
        to="/console/guide"
        search={{ flowchart: chart.id, incident: incidentId, walk: walk.walkId }}
      >
        {isFinished(w) ? 'Open' : 'Continue'}
        <span class="visually-hidden"> {chart.title}</span>
      </Link>
      <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide diagram' : 'Diagram'}
        <span class="visually-hidden"> of {chart.title}</span>
      </button>
      {open && (
        <div class="wizard-walkline-diagram">
          <FlowDiagram flowchart={chart} walk={w} />
        </div>
      )}
    </li>
  );
}
