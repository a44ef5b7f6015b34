/** The diagram's layered layout, for every flowchart in the default pack. */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { layoutFlowchart, NODE_H, NODE_W, wrapText } from '../../src/ui/wizard/diagram-layout.ts';

describe('layoutFlowchart', () => {
  it.each(defaultPack.flowcharts.map((f) => [f.id, f] as const))(
    '%s: every node placed once, none overlapping, every edge drawn',
    (_id, chart) => {
      const layout = layoutFlowchart(chart);
      expect(layout.nodes.map((n) => n.id).sort()).toEqual(Object.keys(chart.nodes).sort());
      for (const a of layout.nodes) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.y).toBeGreaterThanOrEqual(0);
        expect(a.x + NODE_W).toBeLessThanOrEqual(layout.width);
        expect(a.y + NODE_H).toBeLessThanOrEqual(layout.height);
        for (const b of layout.nodes) {
          if (a === b) continue;
          const apart =
            a.x + NODE_W <= b.x ||
            b.x + NODE_W <= a.x ||
            a.y + NODE_H <= b.y ||
            b.y + NODE_H <= a.y;
          expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
      const expected = Object.values(chart.nodes).reduce(
        (n, node) =>
          n +
          (node.kind === 'question'
            ? node.answers.length
            : node.kind === 'action' && node.next
              ? 1
              : 0),
        0,
      );
      expect(layout.edges).toHaveLength(expected);
      expect(layout.edges.every((e) => !e.d.includes('NaN'))).toBe(true);
    },
  );

  it('puts the start on top and draws a loop back as a back edge', () => {
    const chart = defaultPack.flowcharts.find((f) => f.id === 'gracefield-illegal')!;
    const layout = layoutFlowchart(chart);
    const top = Math.min(...layout.nodes.map((n) => n.y));
    expect(layout.nodes.find((n) => n.y === top)?.id).toBe('illegal');
    expect(layout.edges.filter((e) => e.back).map((e) => `${e.from}->${e.to}`)).toEqual([
      'advice->illegal',
    ]);
  });
});

describe('wrapText', () => {
  it.each([
    ['Short', ['Short']],
    ['Is a member of staff involved?', ['Is a member of staff', 'involved?']],
    [
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen',
      [
        'one two three four five',
        'six seven eight nine',
        'ten eleven twelve',
        'thirteen fourteen …',
      ],
    ],
  ])('%s', (text, lines) => {
    expect(wrapText(text)).toEqual(lines);
  });
});
