/**
 * Helpers for the table-driven walk of every default flowchart: replay one of `allPaths`
 * through the interpreter (giving a reason wherever one is required, as a DSL must) and
 * summarise what the path yields: the checklist steps, the contacts and roles they name,
 * the end reached, and the clocks started.
 */
import type { Flowchart, Step } from '../../../src/policy/pack-schema.ts';
import {
  actionsOnPath,
  answer,
  currentNode,
  isFinished,
  startWalk,
  type FlowPath,
  type Walk,
} from '../../../src/policy/flowchart.ts';

export interface Walked {
  /** `node:answer` for every decision, e.g. `illegal:yes`. */
  answers: string[];
  steps: Step[];
  text: string;
  contacts: Set<string>;
  roles: Set<string>;
  forms: Set<string>;
  endId: string;
  continueWith: string | undefined;
  clocks: string[];
  reasonsRequired: string[];
}

export function walkPath(chart: Flowchart, path: FlowPath): Walked {
  let walk: Walk = startWalk(chart);
  const reasonsRequired: string[] = [];
  for (const { nodeId, answerId } of path.decisions) {
    let result = answer(walk, answerId);
    if (!result.ok && result.error.code === 'reason-required') {
      reasonsRequired.push(`${nodeId}:${answerId}`);
      result = answer(walk, answerId, 'Reason recorded by the test.');
    }
    if (!result.ok) throw new Error(`${chart.id} ${nodeId}:${answerId}: ${result.error.message}`);
    walk = result.walk;
  }
  if (!isFinished(walk)) throw new Error(`${chart.id}: path did not finish`);
  const end = currentNode(walk)!;
  const steps = actionsOnPath(walk).flatMap((a) => a.steps);
  const clocks = path.nodeIds.flatMap((id) => {
    const node = chart.nodes[id];
    return node?.kind === 'action' && node.clock ? [node.clock] : [];
  });
  return {
    answers: path.decisions.map((d) => `${d.nodeId}:${d.answerId}`),
    steps,
    text: steps.map((s) => s.text).join('\n'),
    contacts: new Set(steps.flatMap((s) => (s.contact ? [s.contact] : []))),
    roles: new Set(steps.flatMap((s) => (s.role ? [s.role] : []))),
    forms: new Set(steps.flatMap((s) => (s.form ? [s.form] : []))),
    endId: end.id,
    continueWith: end.node.kind === 'end' ? end.node.continueWith : undefined,
    clocks,
    reasonsRequired,
  };
}

/** What a set of paths must (or must not) yield, quoting the seed. */
export interface Expectation {
  /** The rule applies to paths taking all of these `node:answer` decisions. */
  when: string[];
  /** ... and none of these. */
  unless?: string[];
  text?: RegExp[];
  notText?: RegExp[];
  contacts?: string[];
  notContacts?: string[];
  roles?: string[];
  notRoles?: string[];
  forms?: string[];
  end?: string;
  continueWith?: string;
  clocks?: string[];
  reasons?: string[];
}

export function applies(rule: Expectation, walked: Walked): boolean {
  return (
    rule.when.every((a) => walked.answers.includes(a)) &&
    !(rule.unless ?? []).some((a) => walked.answers.includes(a))
  );
}
