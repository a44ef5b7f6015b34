import { Link } from '../components/Link.tsx';
import { useState } from 'preact/hooks';
import type { WalkRecord } from '../../domain/chronology.ts';
import { currentNode, isFinished } from '../../policy/flowchart.ts';
import type { PolicyPack } from '../../policy/pack-schema.ts';
import { FlowDiagram } from './FlowDiagram.tsx';
import { resumeWalk } from './walk-state.ts';

/** One procedure on this incident: where it stands, continue it, see it drawn. */
export function WalkLine({
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
