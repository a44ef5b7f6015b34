/**
 * Walks every start-to-end path of every flowchart in the default pack and checks what each
 * path yields against the seed policies' own instructions. Every path must be covered by at
 * least one expectation besides the chart-wide one, so a new branch cannot go unchecked.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../src/policy/default-pack/index.ts';
import { allPaths } from '../../../src/policy/flowchart.ts';
import { EXPECTATIONS } from './default-path-expectations.ts';
import { applies, walkPath } from './path-kit.ts';

describe('every path of every default flowchart', () => {
  it('has an expectation table for each flowchart, and none for a missing one', () => {
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(
      defaultPack.flowcharts.map((f) => f.id).sort(),
    );
  });

  for (const chart of defaultPack.flowcharts) {
    const table = EXPECTATIONS[chart.id]!;
    const paths = allPaths(chart);

    it(`${chart.id}: has ${table.paths} paths, each reaching an end`, () => {
      expect(paths).toHaveLength(table.paths);
      const ends = Object.entries(chart.nodes)
        .filter(([, n]) => n.kind === 'end')
        .map(([id]) => id);
      expect(new Set(paths.map((p) => p.nodeIds.at(-1)))).toEqual(new Set(ends));
    });

    it.each(
      paths.map(
        (p) => [p.decisions.map((d) => `${d.nodeId}:${d.answerId}`).join(' > '), p] as const,
      ),
    )(`${chart.id}: %s`, (_label, path) => {
      const walked = walkPath(chart, path);
      const rules = table.rules.filter((rule) => applies(rule, walked));
      // Besides the chart-wide rule (when: []), some rule must speak to this path.
      expect(rules.filter((r) => r.when.length > 0).length).toBeGreaterThan(0);
      const reasonsRequired = new Set<string>();
      for (const rule of rules) {
        for (const pattern of rule.text ?? []) expect(walked.text).toMatch(pattern);
        for (const pattern of rule.notText ?? []) expect(walked.text).not.toMatch(pattern);
        for (const id of rule.contacts ?? []) expect(walked.contacts).toContain(id);
        for (const id of rule.notContacts ?? []) expect(walked.contacts).not.toContain(id);
        for (const id of rule.roles ?? []) expect(walked.roles).toContain(id);
        for (const id of rule.notRoles ?? []) expect(walked.roles).not.toContain(id);
        for (const id of rule.forms ?? []) expect(walked.forms).toContain(id);
        if (rule.end) expect(walked.endId).toBe(rule.end);
        if (rule.continueWith) expect(walked.continueWith).toBe(rule.continueWith);
        if (rule.clocks) expect(walked.clocks).toEqual(rule.clocks);
        rule.reasons?.forEach((r) => reasonsRequired.add(r));
      }
      // The decisions not to act that the rules name, and only those, needed a reason.
      expect(new Set(walked.reasonsRequired)).toEqual(reasonsRequired);
    });
  }
});
