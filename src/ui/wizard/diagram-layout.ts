/**
 * A simple layered layout of a whole flowchart for the diagram view, with no library, put
 * together from one module per step: rank the nodes into layers with the loops set aside
 * (diagram-graph.ts), order and place each layer (diagram-layers.ts), fit each node's text
 * (diagram-text.ts), and route the edges: curves down, loop edges dashed up a margin
 * (diagram-route.ts). Pure, tested without a DOM. The drawing imports only this module, so
 * it also passes on the sizes, keys and helpers the drawing needs.
 */
import type { Flowchart, FlowNode } from '../../policy/pack-schema.ts';
import { rankFlowchart } from './diagram-graph.ts';
import { placeLayers } from './diagram-layers.ts';
import { routeEdges, type DiagramEdge } from './diagram-route.ts';
import { nodeText, wrapText } from './diagram-text.ts';

export { edgeKey } from './diagram-graph.ts';
export { NODE_H, NODE_W } from './diagram-layers.ts';
export type { DiagramEdge } from './diagram-route.ts';
export { takenOnWalk, type Taken } from './diagram-taken.ts';
export { nodeText, shorten, wrapText } from './diagram-text.ts';

export interface DiagramNode {
  id: string;
  kind: FlowNode['kind'];
  x: number;
  y: number;
  /** The node's text wrapped to fit (the last line ends with … when cut). */
  lines: string[];
  /** The whole text, for the node's tooltip and the text alternative. */
  full: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export function layoutFlowchart(chart: Flowchart): DiagramLayout {
  const ranked = rankFlowchart(chart);
  const placement = placeLayers(ranked);
  const nodes: DiagramNode[] = [];
  placement.layers.forEach((layer, d) => {
    for (const s of layer) {
      if (!s.node) continue;
      const full = nodeText(chart.nodes[s.node]!);
      nodes.push({
        id: s.node,
        kind: chart.nodes[s.node]!.kind,
        x: s.x,
        y: placement.top(d),
        lines: wrapText(full),
        full,
      });
    }
  });
  const edges = routeEdges(chart, ranked, placement, nodes);
  return { width: placement.width, height: placement.height, nodes, edges };
}
