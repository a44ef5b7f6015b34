/**
 * Where everything sits within the ranked layers, and the diagram's sizes: a slot per node,
 * plus a narrow waypoint slot in each layer a long edge crosses, so that it runs between
 * nodes instead of through them; each layer ordered by the mean position of what leads into
 * it, to keep edges from crossing; then each layer centred, with a margin either side for
 * the edges that go back to an earlier step.
 */
import { edgeKey, type Ranked } from './diagram-graph.ts';

export const NODE_W = 184;
export const NODE_H = 104;
const GAP_X = 32;
const GAP_Y = 96;
const PAD = 16;
/** The margin either side, where the edges back to an earlier step run. */
export const SIDE = 72;

export interface Slot {
  key: string;
  /** The flowchart node, or undefined for a waypoint of an edge spanning several layers. */
  node?: string;
  x: number;
  width: number;
}

/** A place in a layer where an edge that spans several layers passes between nodes. */
const WAYPOINT_W = 16;

export interface Placement {
  /** Each layer's slots, left to right, top layer first. */
  layers: Slot[][];
  /** The waypoints each downward edge passes, by `edgeKey`, top to bottom. */
  via: Map<string, Slot[]>;
  width: number;
  height: number;
  /** The y of the top of layer `d`. */
  top: (d: number) => number;
}

export function placeLayers({ order, depth, forwardOf }: Ranked): Placement {
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
  return { layers, via, width, height, top };
}
