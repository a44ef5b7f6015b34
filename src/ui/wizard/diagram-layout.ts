/**
 * A simple layered layout of a whole flowchart for the diagram view, with no library: the
 * edges that close a loop (the "not sure: ask, then decide" returns) are set aside, every
 * other node sits one layer below its lowest parent (longest path), layers run top to
 * bottom, and nodes in a layer are ordered by where their parents sit. Edges that go down
 * are curves; loop edges run dashed up the right-hand margin. Pure, tested without a DOM.
 */
import { CONTINUE, pathTaken, currentNode, type Walk } from '../../policy/flowchart.ts';
import type { Flowchart, FlowNode } from '../../policy/pack-schema.ts';

export const NODE_W = 184;
export const NODE_H = 104;
const GAP_X = 32;
const GAP_Y = 96;
const PAD = 16;
const SIDE = 72;
const CHARS_PER_LINE = 23;
const MAX_LINES = 4;
/** Edge labels: two lines this wide fit between the edges of a four-way fan-out. */
const LABEL_CHARS = 15;

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

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** The text a node shows: the question, the checklist's title, or the outcome. */
export function nodeText(node: FlowNode): string {
  return node.kind === 'question' ? node.text : node.kind === 'action' ? node.title : node.outcome;
}

function outgoing(node: FlowNode): { answerId: string; label: string; next: string }[] {
  if (node.kind === 'question') {
    return node.answers.map((a) => ({ answerId: a.id, label: a.label, next: a.next }));
  }
  if (node.kind === 'action' && node.next) {
    return [{ answerId: CONTINUE, label: '', next: node.next }];
  }
  return [];
}

/** Splits text into at most `maxLines` lines of about `width` characters. */
export function wrapText(text: string, width = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => shorten(l, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shorten(`${kept[maxLines - 1]} …`, width);
  return kept.map((l) => shorten(l, width));
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const bezier = (p0: number, p1: number, p2: number, p3: number, t: number) =>
  (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;

interface Slot {
  key: string;
  /** The flowchart node, or undefined for a waypoint of an edge spanning several layers. */
  node?: string;
  x: number;
  width: number;
}

/** A place in a layer where an edge that spans several layers passes between nodes. */
const WAYPOINT_W = 16;

export function layoutFlowchart(chart: Flowchart): DiagramLayout {
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

  // Slots: the nodes, plus a waypoint in each layer an edge crosses, so a long edge runs
  // between nodes instead of through them.
  const layers: Slot[][] = [];
  const slot = (d: number, s: Omit<Slot, 'x'>) => {
    const made = { ...s, x: 0 };
    (layers[d] ??= []).push(made);
    return made;
  };
  for (const id of order) slot(depth.get(id)!, { key: id, node: id, width: NODE_W });
  const preds = new Map<string, string[]>();
  const addPred = (key: string, pred: string) => preds.set(key, [...(preds.get(key) ?? []), pred]);
  const via = new Map<string, Slot[]>();
  for (const id of order) {
    for (const o of forwardOf(id)) {
      const key = edgeKey(id, o.answerId);
      const points: Slot[] = [];
      let prev = id;
      for (let d = depth.get(id)! + 1; d < depth.get(o.next)!; d++) {
        const w = slot(d, { key: `${key}\u0000${d}`, width: WAYPOINT_W });
        addPred(w.key, prev);
        points.push(w);
        prev = w.key;
      }
      addPred(o.next, prev);
      via.set(key, points);
    }
  }

  // Order each layer by the mean position of what leads into it (one pass is enough here).
  const index = new Map<string, number>();
  layers.forEach((layer, d) => {
    if (d > 0) {
      const mean = (key: string) => {
        const ps = preds.get(key) ?? [];
        return ps.reduce((sum, p) => sum + (index.get(p) ?? 0), 0) / Math.max(ps.length, 1);
      };
      layer.sort((a, b) => mean(a.key) - mean(b.key));
    }
    // Indices in layout units, so a waypoint between two nodes sits between them.
    let at = 0;
    for (const s of layer) {
      index.set(s.key, at + s.width / 2);
      at += s.width + GAP_X;
    }
  });

  const layerWidth = (l: Slot[]) => l.reduce((w, s) => w + s.width, 0) + (l.length - 1) * GAP_X;
  const innerWidth = Math.max(...layers.map(layerWidth));
  // A margin each side for the edges that go back to an earlier step.
  const width = innerWidth + 2 * (PAD + SIDE);
  const height = layers.length * NODE_H + (layers.length - 1) * GAP_Y + 2 * PAD;
  const top = (d: number) => PAD + d * (NODE_H + GAP_Y);
  layers.forEach((layer) => {
    let x = PAD + SIDE + (innerWidth - layerWidth(layer)) / 2;
    for (const s of layer) {
      s.x = x;
      x += s.width + GAP_X;
    }
  });

  const nodes: DiagramNode[] = [];
  const at = new Map<string, DiagramNode>();
  layers.forEach((layer, d) => {
    for (const s of layer) {
      if (!s.node) continue;
      const full = nodeText(chart.nodes[s.node]!);
      const placed: DiagramNode = {
        id: s.node,
        kind: chart.nodes[s.node]!.kind,
        x: s.x,
        y: top(d),
        lines: wrapText(full),
        full,
      };
      nodes.push(placed);
      at.set(s.node, placed);
    }
  });
  const curve = (x0: number, y0: number, x1: number, y1: number) => {
    const m = (y1 - y0) / 2;
    return `C${x0},${y0 + m} ${x1},${y1 - m} ${x1},${y1}`;
  };

  const edges: DiagramEdge[] = [];
  for (const from of nodes) {
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
  return { width, height, nodes, edges };
}

export interface Taken {
  nodes: Set<string>;
  /** `from\u0000answerId` for each decision on the path. */
  edges: Set<string>;
  current: string | undefined;
}

export const edgeKey = (from: string, answerId: string) => `${from}\u0000${answerId}`;

/** The nodes and edges the walk has taken so far, and where it is now. */
export function takenOnWalk(walk: Walk): Taken {
  const path = pathTaken(walk);
  const here = currentNode(walk)?.id;
  const nodes = new Set(path.map((p) => p.nodeId));
  if (here) nodes.add(here);
  return { nodes, edges: new Set(path.map((p) => edgeKey(p.nodeId, p.answerId))), current: here };
}
