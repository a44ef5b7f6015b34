/**
 * Graph checks for one flowchart whose shape the schema has already accepted: the start node
 * exists; every answer and action leads to a real node; no question is without answers and no
 * action is without a way on; every node can be reached from the start; and nothing traps the
 * walk in a loop from which no end can be reached. Each error points at the node, answer or
 * field to fix. Pure, and linear-ish in the size of the chart (charts are small).
 */
import type { Flowchart, FlowNode } from './flowchart-schema.ts';
import { jsonPath, type PathPart } from './json-path.ts';
import type { PackError } from './schema-errors.ts';

/** The ids a node can lead to, whether or not they exist. */
function targets(node: FlowNode): string[] {
  if (node.kind === 'question') return node.answers.map((a) => a.next);
  if (node.kind === 'action') return node.next === undefined ? [] : [node.next];
  return [];
}

/** Every node reachable from `from` through edges that lead to existing nodes. */
function reachableFrom(chart: Flowchart, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const node = chart.nodes[id];
    if (!node || seen.has(id)) continue;
    seen.add(id);
    queue.push(...targets(node));
  }
  return seen;
}

/** The nodes from which some end node can be reached. */
function canReachEnd(chart: Flowchart): Set<string> {
  const incoming = new Map<string, string[]>();
  const ends: string[] = [];
  for (const [id, node] of Object.entries(chart.nodes)) {
    if (node.kind === 'end') ends.push(id);
    for (const to of targets(node)) incoming.set(to, [...(incoming.get(to) ?? []), id]);
  }
  const good = new Set<string>();
  const queue = [...ends];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (good.has(id)) continue;
    good.add(id);
    queue.push(...(incoming.get(id) ?? []));
  }
  return good;
}

/**
 * Checks the flowchart at `$.flowcharts[index]`. Nodes that cannot reach an end are reported
 * only when they sit on a loop; a node that merely leads into a dead end or a missing node is
 * covered by the error on that dead end, so the list names each fault once.
 */
export function checkFlowchartGraph(chart: Flowchart, index: number): PackError[] {
  const errors: PackError[] = [];
  const at = (...parts: PathPart[]) => jsonPath(['flowcharts', index, ...parts]);
  const ids = Object.keys(chart.nodes);

  if (!chart.nodes[chart.start]) {
    errors.push({
      path: at('start'),
      message: `The start node "${chart.start}" is not one of this flowchart's nodes.`,
    });
  }

  for (const [id, node] of Object.entries(chart.nodes)) {
    if (node.kind === 'question') {
      if (node.answers.length === 0) {
        errors.push({
          path: at('nodes', id, 'answers'),
          message: `Dead end: question "${id}" has no answers, so the walk would stop here.`,
        });
      }
      node.answers.forEach((answer, i) => {
        if (!chart.nodes[answer.next]) {
          errors.push({
            path: at('nodes', id, 'answers', i, 'next'),
            message: `Answer "${answer.id}" leads to "${answer.next}", which is not a node of this flowchart.`,
          });
        }
      });
    } else if (node.kind === 'action') {
      if (node.next === undefined) {
        errors.push({
          path: at('nodes', id),
          message: `Dead end: action "${id}" has no "next" node. Give it one, or follow it with an end node.`,
        });
      } else if (!chart.nodes[node.next]) {
        errors.push({
          path: at('nodes', id, 'next'),
          message: `Action "${id}" leads to "${node.next}", which is not a node of this flowchart.`,
        });
      }
    }
  }

  if (!chart.nodes[chart.start]) return errors;

  const reachable = reachableFrom(chart, chart.start);
  for (const id of ids) {
    if (!reachable.has(id)) {
      errors.push({
        path: at('nodes', id),
        message: `Node "${id}" cannot be reached from the start node "${chart.start}".`,
      });
    }
  }

  const good = canReachEnd(chart);
  const reported = new Set<string>();
  for (const id of ids) {
    if (!reachable.has(id) || good.has(id) || reported.has(id)) continue;
    const forward = reachableFrom(chart, id);
    // The loop is the set of nodes that reach `id` and that `id` reaches.
    const loop = [...forward].filter((other) => reachableFrom(chart, other).has(id));
    const onLoop = loop.length > 1 || targets(chart.nodes[id] as FlowNode).includes(id);
    if (!onLoop) continue;
    loop.forEach((other) => reported.add(other));
    errors.push({
      path: at('nodes', id),
      message: `Nodes ${loop.map((n) => `"${n}"`).join(', ')} form a loop with no way out to an end node.`,
    });
  }
  return errors;
}
