/**
 * The flowchart as a directed graph, ranked into layers: its edges (each answer, or moving on
 * from a checklist); the edges that close a loop (the "not sure: ask, then decide" returns),
 * found by a depth-first walk from the start and set aside; and every other node's layer,
 * one below its lowest parent (longest path), so that every remaining edge points down.
 */
import { CONTINUE } from '../../policy/flowchart.ts';
import type { Flowchart, FlowNode } from '../../policy/pack-schema.ts';

export interface OutEdge {
  answerId: string;
  label: string;
  next: string;
}

export const edgeKey = (from: string, answerId: string) => `${from}\u0000${answerId}`;

export function outgoing(node: FlowNode): OutEdge[] {
  if (node.kind === 'question') {
    return node.answers.map((a) => ({ answerId: a.id, label: a.label, next: a.next }));
  }
  if (node.kind === 'action' && node.next) {
    return [{ answerId: CONTINUE, label: '', next: node.next }];
  }
  return [];
}

export interface Ranked {
  /** The nodes reachable from the start, in a topological order of the downward edges. */
  order: string[];
  /** The `edgeKey` of each edge that closes a loop. */
  back: Set<string>;
  /** Each node's layer, 0 at the top. */
  depth: Map<string, number>;
  /** A node's edges that point down: to a node in the chart, and not closing a loop. */
  forwardOf: (id: string) => OutEdge[];
}

export function rankFlowchart(chart: Flowchart): Ranked {
  // Depth first from the start: an edge to a node still on the stack closes a loop (a back
  // edge); the rest form a DAG, laid out by longest path so every other edge points down.
  const back = new Set<string>();
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const { answerId, next } of outgoing(chart.nodes[id]!)) {
      if (!chart.nodes[next]) continue;
      const s = state.get(next);
      if (s === 'open') back.add(edgeKey(id, answerId));
      else if (!s) visit(next);
    }
    state.set(id, 'done');
    order.push(id);
  };
  if (chart.nodes[chart.start]) visit(chart.start);
  order.reverse(); // a topological order of the DAG
  const forwardOf = (id: string) =>
    outgoing(chart.nodes[id]!).filter(
      (o) => chart.nodes[o.next] && !back.has(edgeKey(id, o.answerId)),
    );
  const depth = new Map<string, number>();
  for (const id of order) {
    depth.set(id, depth.get(id) ?? 0);
    for (const o of forwardOf(id)) {
      depth.set(o.next, Math.max(depth.get(o.next) ?? 0, depth.get(id)! + 1));
    }
  }
  return { order, back, depth, forwardOf };
}
