/**
 * The diagram's edges as SVG paths, with where each label sits. An edge down leaves the
 * bottom of its box, fanned out in the order the edges head so they leave without crossing,
 * and curves through its waypoints to the top of the box it leads to; in a wide fan-out the
 * labels alternate up and down so neighbours do not collide. An edge back to an earlier step
 * leaves by the nearer side and runs along that margin back in.
 */
import type { Flowchart } from '../../policy/pack-schema.ts';
import { edgeKey, outgoing, type Ranked } from './diagram-graph.ts';
import { NODE_H, NODE_W, SIDE, type Placement } from './diagram-layers.ts';
import { wrapText } from './diagram-text.ts';

/** Edge labels: two lines this wide fit between the edges of a four-way fan-out. */
const LABEL_CHARS = 15;

export interface DiagramEdge {
  from: string;
  to: string;
  answerId: string;
  /** The answer's label wrapped to two short lines; none for moving on from a checklist. */
  labelLines: string[];
  fullLabel: string;
  /** SVG path data. */
  d: string;
  labelX: number;
  labelY: number;
  /** Closes a loop, back to an earlier step (drawn dashed). */
  back: boolean;
}

/** A node's box, already placed. */
export interface Box {
  id: string;
  x: number;
  y: number;
}

const bezier = (p0: number, p1: number, p2: number, p3: number, t: number) =>
  (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;

const curve = (x0: number, y0: number, x1: number, y1: number) => {
  const m = (y1 - y0) / 2;
  return `C${x0},${y0 + m} ${x1},${y1 - m} ${x1},${y1}`;
};

/** Every edge between the placed boxes, in the order of the boxes they leave. */
export function routeEdges(
  chart: Flowchart,
  { back, depth }: Ranked,
  { via, width, top }: Placement,
  boxes: Box[],
): DiagramEdge[] {
  const at = new Map(boxes.map((b) => [b.id, b]));
  const edges: DiagramEdge[] = [];
  for (const from of boxes) {
    const out = outgoing(chart.nodes[from.id]!).filter((o) => at.has(o.next));
    // Where each downward edge first heads, left to right, so they leave without crossing.
    const firstX = (answerId: string, next: string) => {
      const w = via.get(edgeKey(from.id, answerId))?.[0];
      return w ? w.x + w.width / 2 : at.get(next)!.x + NODE_W / 2;
    };
    const down = out
      .filter((o) => !back.has(edgeKey(from.id, o.answerId)))
      .sort((a, b) => firstX(a.answerId, a.next) - firstX(b.answerId, b.next));
    for (const o of out) {
      const to = at.get(o.next)!;
      const isBack = !down.includes(o);
      let d: string;
      let labelX: number;
      let labelY: number;
      if (!isBack) {
        const k = down.indexOf(o);
        const spread = Math.min(28, (NODE_W - 24) / Math.max(down.length, 1));
        const sx = from.x + NODE_W / 2 + (k - (down.length - 1) / 2) * spread;
        const sy = from.y + NODE_H;
        const points = (via.get(edgeKey(from.id, o.answerId)) ?? []).map((w) => ({
          x: w.x + w.width / 2,
        }));
        let x = sx;
        let y = sy;
        d = `M${sx},${sy}`;
        let first: { x: number; y: number } | null = null;
        for (const p of points) {
          const layerTop = top(depth.get(from.id)! + 1 + points.indexOf(p));
          d += ` ${curve(x, y, p.x, layerTop)} L${p.x},${layerTop + NODE_H}`;
          first ??= { x: p.x, y: layerTop };
          x = p.x;
          y = layerTop + NODE_H;
        }
        const ex = to.x + NODE_W / 2;
        d += ` ${curve(x, y, ex, to.y)}`;
        const end = first ?? { x: ex, y: to.y };
        const mid = (end.y - sy) / 2;
        // In a wide fan-out, alternate labels up and down so neighbours do not collide.
        const t = down.length >= 4 ? (k % 2 ? 0.72 : 0.3) : 0.5;
        labelX = bezier(sx, sx, end.x, end.x, t);
        labelY = bezier(sy, sy + mid, end.y - mid, end.y, t);
      } else {
        // Back to an earlier step: out of the nearer side, along that margin, back in.
        const left = from.x + NODE_W / 2 < width / 2;
        const sx = left ? from.x : from.x + NODE_W;
        const sy = from.y + NODE_H / 2;
        const ex = left ? to.x : to.x + NODE_W;
        const ey = to.y + NODE_H / 2;
        const cx = left ? SIDE / 2 : width - SIDE / 2;
        d = `M${sx},${sy} C${cx},${sy} ${cx},${ey} ${ex},${ey}`;
        labelX = bezier(sx, cx, cx, ex, 0.5) + (left ? 4 : -4);
        labelY = bezier(sy, sy, ey, ey, 0.5);
      }
      edges.push({
        from: from.id,
        to: to.id,
        answerId: o.answerId,
        labelLines: o.label ? wrapText(o.label, LABEL_CHARS, 2) : [],
        fullLabel: o.label,
        d,
        labelX,
        labelY,
        back: isBack,
      });
    }
  }
  return edges;
}
