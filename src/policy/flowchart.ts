/**
 * The flowchart interpreter behind the DSL's wizard. A walk is plain data (the flowchart and
 * the decisions taken so far), so it can be saved in a draft, sent as `step.answered` events,
 * and rebuilt on another device with `replayWalk`. Every function is pure: it returns a new
 * walk and never throws for a person's mistake; a refused answer (unknown, or a decision not
 * to act given without a reason) comes back as an error value the screen can show.
 *
 * At an action node the walk waits until the checklist is acknowledged with the answer
 * `CONTINUE`; whether each step was done is recorded separately (`action.recorded`).
 */
import type { ActionNode, Flowchart, FlowNode } from './flowchart-schema.ts';
import type { Step } from './schema-common.ts';

/** The answer that moves on from an action node. */
export const CONTINUE = 'continue';

export interface Decision {
  nodeId: string;
  answerId: string;
  /** Why, for a decision not to refer or act (required there), or a note anywhere. */
  reason?: string;
}

export interface Walk {
  flowchart: Flowchart;
  decisions: Decision[];
}

export type WalkErrorCode = 'finished' | 'unknown-answer' | 'reason-required' | 'broken-flowchart';

export interface WalkError {
  code: WalkErrorCode;
  message: string;
}

export type WalkResult = { ok: true; walk: Walk } | { ok: false; error: WalkError };

export interface CurrentNode {
  id: string;
  node: FlowNode;
}

export interface PathEntry {
  nodeId: string;
  kind: 'question' | 'action';
  /** The question asked, or the action's title. */
  prompt: string;
  answerId: string;
  /** The answer's label, or "Done" for an action. */
  label: string;
  reason?: string;
}

export interface ActionOnPath {
  nodeId: string;
  title: string;
  steps: Step[];
  /** True for the action the walk is waiting on now. */
  current: boolean;
}

export interface FlowPath {
  /** Every node visited, start first, an end node last. */
  nodeIds: string[];
  decisions: Decision[];
}

interface Move {
  next: string | undefined;
  label: string;
  requiresReason: boolean;
}

/** Where `answerId` leads from `node`, or undefined if it is not an answer there. */
function move(node: FlowNode, answerId: string): Move | undefined {
  if (node.kind === 'question') {
    const found = node.answers.find((a) => a.id === answerId);
    return (
      found && { next: found.next, label: found.label, requiresReason: !!found.requiresReason }
    );
  }
  if (node.kind === 'action' && answerId === CONTINUE) {
    return { next: node.next, label: 'Done', requiresReason: false };
  }
  return undefined;
}

/** The node ids visited by following the walk's decisions (stops at the first bad one). */
function trace(walk: Walk): string[] {
  const visited = [walk.flowchart.start];
  for (const decision of walk.decisions) {
    const at = visited[visited.length - 1] as string;
    const node = walk.flowchart.nodes[at];
    if (!node || decision.nodeId !== at) break;
    const next = move(node, decision.answerId)?.next;
    if (next === undefined) break;
    visited.push(next);
  }
  return visited;
}

export function startWalk(flowchart: Flowchart): Walk {
  return { flowchart, decisions: [] };
}

/** The node the walk is at; undefined only for a flowchart that failed `checkPack`. */
export function currentNode(walk: Walk): CurrentNode | undefined {
  const ids = trace(walk);
  const id = ids[ids.length - 1] as string;
  const node = walk.flowchart.nodes[id];
  return node && { id, node };
}

export function isFinished(walk: Walk): boolean {
  return currentNode(walk)?.node.kind === 'end';
}

/**
 * Takes `answerId` at the current node. For an answer marked `requiresReason`, a reason
 * that is not blank is required.
 */
export function answer(walk: Walk, answerId: string, reason?: string): WalkResult {
  // Only the decisions that follow the chart count (a stored walk could hold stale ones).
  const valid = walk.decisions.slice(0, trace(walk).length - 1);
  const here = currentNode(walk);
  if (!here) {
    return fail('broken-flowchart', 'This flowchart is broken: the current step is missing.');
  }
  if (here.node.kind === 'end') {
    return fail('finished', 'This flowchart is finished: go back or start again to change it.');
  }
  const found = move(here.node, answerId);
  if (!found) return fail('unknown-answer', `"${answerId}" is not an answer to this step.`);
  if (found.next === undefined || !walk.flowchart.nodes[found.next]) {
    return fail('broken-flowchart', 'This flowchart is broken: the answer leads nowhere.');
  }
  const why = reason?.trim();
  if (found.requiresReason && !why) {
    return fail(
      'reason-required',
      `Choosing "${found.label}" is a decision not to refer or act: say why, so the record shows the reason.`,
    );
  }
  const decision: Decision = { nodeId: here.id, answerId, ...(why ? { reason: why } : {}) };
  return { ok: true, walk: { ...walk, decisions: [...valid, decision] } };
}

/** Acknowledges the current action node's checklist and moves on. */
export function proceed(walk: Walk): WalkResult {
  return answer(walk, CONTINUE);
}

/** Undoes the last decision (no change at the start). */
export function back(walk: Walk): Walk {
  return walk.decisions.length === 0 ? walk : { ...walk, decisions: walk.decisions.slice(0, -1) };
}

export function restart(walk: Walk): Walk {
  return startWalk(walk.flowchart);
}

/** Rebuilds a walk from recorded decisions (e.g. `step.answered` events), checking each. */
export function replayWalk(flowchart: Flowchart, decisions: readonly Decision[]): WalkResult {
  let walk = startWalk(flowchart);
  for (const decision of decisions) {
    const here = currentNode(walk);
    if (here?.id !== decision.nodeId) {
      return fail(
        'unknown-answer',
        `A recorded decision at "${decision.nodeId}" does not follow the path.`,
      );
    }
    const result = answer(walk, decision.answerId, decision.reason);
    if (!result.ok) return result;
    walk = result.walk;
  }
  return { ok: true, walk };
}

/** What has been decided so far, in order: the "path" shown above the current question. */
export function pathTaken(walk: Walk): PathEntry[] {
  const ids = trace(walk);
  return walk.decisions.slice(0, ids.length - 1).map((decision) => {
    const node = walk.flowchart.nodes[decision.nodeId] as FlowNode;
    const label = move(node, decision.answerId)?.label ?? decision.answerId;
    const kind = node.kind === 'question' ? 'question' : 'action';
    const prompt = node.kind === 'question' ? node.text : node.kind === 'action' ? node.title : '';
    return {
      nodeId: decision.nodeId,
      kind,
      prompt,
      answerId: decision.answerId,
      label,
      ...(decision.reason ? { reason: decision.reason } : {}),
    };
  });
}

/** The checklists on the path so far, including the one the walk is waiting on. */
export function actionsOnPath(walk: Walk): ActionOnPath[] {
  const ids = trace(walk);
  return ids.flatMap((id, i) => {
    const node = walk.flowchart.nodes[id];
    if (node?.kind !== 'action') return [];
    const action = node as ActionNode;
    return [
      { nodeId: id, title: action.title, steps: action.steps, current: i === ids.length - 1 },
    ];
  });
}

/**
 * Every path from the start to an end node, for the tests and the diagram. A loop is taken
 * at most once (no answer is used twice on one path), so a chart that returns to a question
 * after an action ("not sure: ask for advice, then decide") yields both the direct path and
 * the one through the loop. Stops after `limit` paths.
 */
export function allPaths(flowchart: Flowchart, limit = 10_000): FlowPath[] {
  const paths: FlowPath[] = [];
  const used = new Set<string>();
  const nodeIds: string[] = [];
  const decisions: Decision[] = [];
  const visit = (id: string) => {
    const node = flowchart.nodes[id];
    if (!node || paths.length >= limit) return;
    nodeIds.push(id);
    if (node.kind === 'end') paths.push({ nodeIds: [...nodeIds], decisions: [...decisions] });
    const answers =
      node.kind === 'question'
        ? node.answers.map((a) => a.id)
        : node.kind === 'action'
          ? [CONTINUE]
          : [];
    for (const answerId of answers) {
      const edge = `${id}\u0000${answerId}`;
      const next = move(node, answerId)?.next;
      if (used.has(edge) || next === undefined) continue;
      used.add(edge);
      decisions.push({ nodeId: id, answerId });
      visit(next);
      decisions.pop();
      used.delete(edge);
    }
    nodeIds.pop();
  };
  visit(flowchart.start);
  return paths;
}

function fail(code: WalkErrorCode, message: string): WalkResult {
  return { ok: false, error: { code, message } };
}
