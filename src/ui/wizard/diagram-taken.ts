/**
 * The part of the diagram a walk has covered: the nodes and answers on its path so far and
 * the step it is at now, keyed as the layout keys its nodes and edges, so the drawing can
 * mark them with ✓ and ▶.
 */
import { currentNode, pathTaken, type Walk } from '../../policy/flowchart.ts';
import { edgeKey } from './diagram-graph.ts';

export interface Taken {
  nodes: Set<string>;
  /** `from\u0000answerId` for each decision on the path. */
  edges: Set<string>;
  current: string | undefined;
}

/** The nodes and edges the walk has taken so far, and where it is now. */
export function takenOnWalk(walk: Walk): Taken {
  const path = pathTaken(walk);
  const here = currentNode(walk)?.id;
  const nodes = new Set(path.map((p) => p.nodeId));
  if (here) nodes.add(here);
  return { nodes, edges: new Set(path.map((p) => edgeKey(p.nodeId, p.answerId))), current: here };
}
