import type { ComponentChildren } from 'preact';
import { actionKey } from '../../domain/chronology.ts';
import { actionsOnPath, type Walk } from '../../policy/flowchart.ts';
import type { EndNode, PolicyPack } from '../../policy/pack-schema.ts';
import { showTime, type ActionRecords } from './walk-state.ts';

export interface EndStepProps {
  pack: PolicyPack;
  node: EndNode;
  walk: Walk;
  records: ActionRecords;
  onContinueWith: (flowchartId: string) => void;
  children?: ComponentChildren;
}

/** The outcome, the flowchart the policy says comes next, and what was recorded on the way. */
export function EndStep({ pack, node, walk, records, onContinueWith, children }: EndStepProps) {
  const next = node.continueWith
    ? pack.flowcharts.find((f) => f.id === node.continueWith)
    : undefined;
  const scenarios = (node.scenarios ?? []).flatMap((id) => {
    const s = pack.scenarios.find((x) => x.id === id);
    return s ? [s] : [];
  });
  const checklists = actionsOnPath(walk);
  return (
    <>
      <p class="wizard-outcome">{node.outcome}</p>
      {next && (
        <div class="wizard-next">
          <p>
            The policy continues with: <strong>{next.title}</strong>
          </p>
          <button type="button" class="big" onClick={() => onContinueWith(next.id)}>
            Continue with: {next.title}
          </button>
        </div>
      )}
      {scenarios.length > 0 && (
        <>
          <h3>“What we do if” guides that apply</h3>
          <ul>
            {scenarios.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ul>
        </>
      )}
      {checklists.length > 0 && (
        <>
          <h3>Recorded on this path</h3>
          <ul class="wizard-summary">
            {checklists.flatMap((c) =>
              c.steps.map((s) => {
                const r = records[actionKey(c.nodeId, s.id)];
                return (
                  <li key={`${c.nodeId}/${s.id}`}>
                    {r?.status === 'done'
                      ? `✓ Done: ${s.text} (${r.by}, ${showTime(r.at)})`
                      : r
                        ? `✗ Not done: ${s.text} Reason: ${r.reason}`
                        : `○ Not recorded: ${s.text}`}
                  </li>
                );
              }),
            )}
          </ul>
        </>
      )}
      {children}
    </>
  );
}
