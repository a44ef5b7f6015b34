import type { Flowchart, PolicyName, PolicyPack } from '../../policy/pack-schema.ts';
import { POLICY_NAMES } from './policy-names.ts';

export interface ChooserProps {
  pack: PolicyPack;
  /** The flowchart the incident's category suggests: offered first. */
  suggested?: Flowchart | undefined;
  /** Shown under the title: which incident this is for. */
  forWhom: string;
  onChoose: (flowchartId: string) => void;
}

/** Every flowchart in the school's pack, grouped by the policy it comes from. */
export function FlowchartChooser({ pack, suggested, forWhom, onChoose }: ChooserProps) {
  const groups = new Map<PolicyName, Flowchart[]>();
  for (const f of pack.flowcharts) {
    groups.set(f.source.policy, [...(groups.get(f.source.policy) ?? []), f]);
  }
  return (
    <>
      <h1>Guide me through a procedure</h1>
      <p class="muted">
        {forWhom} · the school’s procedures, version {pack.version}: they work offline.
      </p>
      {suggested && (
        <section class="card wizard-suggested" aria-labelledby="wizard-suggested">
          <h2 id="wizard-suggested">Suggested for this incident’s category</h2>
          <FlowchartButton flowchart={suggested} onChoose={onChoose} />
        </section>
      )}
      {[...groups].map(([policy, charts]) => (
        <section key={policy} class="card" aria-labelledby={`wizard-group-${policy}`}>
          <h2 id={`wizard-group-${policy}`}>{POLICY_NAMES[policy]}</h2>
          <ul class="wizard-charts">
            {charts.map((f) => (
              <li key={f.id}>
                <FlowchartButton flowchart={f} onChoose={onChoose} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function FlowchartButton({
  flowchart,
  onChoose,
}: {
  flowchart: Flowchart;
  onChoose: (id: string) => void;
}) {
  return (
    <button type="button" class="wizard-chart" onClick={() => onChoose(flowchart.id)}>
      <span class="wizard-chart-title">{flowchart.title}</span>
      {flowchart.for && <span class="wizard-chart-for">For: {flowchart.for}</span>}
    </button>
  );
}
