/**
 * The rules search's pure parts: folding (case, accents, quote marks) that keeps every
 * character in its place, the query's words, highlighting, and matching within audiences.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { fold, highlight, queryTerms, searchRules } from '../../src/ui/rules/search.ts';

describe('fold', () => {
  it.each([
    ['Don’t', "don't"],
    ['“SAFE”', '"safe"'],
    ['Café', 'cafe'],
    ['KS2/3 – older', 'ks2/3 - older'],
  ])('%s → %s, same length', (text, folded) => {
    expect(fold(text)).toBe(folded);
    expect(fold(text)).toHaveLength(text.length);
  });
});

describe('queryTerms', () => {
  it('splits, folds, drops repeats, puts longer words first, and ignores one letter', () => {
    expect(queryTerms('  Adult  the ADULT email ')).toEqual(['adult', 'email', 'the']);
    expect(queryTerms('a')).toEqual([]);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('highlight', () => {
  const marked = (text: string, q: string) =>
    highlight(text, queryTerms(q))
      .map((s) => (s.match ? `[${s.text}]` : s.text))
      .join('');

  it.each([
    ['I will tell an adult', 'adult', 'I will tell an [adult]'],
    ['I don’t keep SECRETS', "don't secrets", 'I [don’t] keep [SECRETS]'],
    ['passwords and password', 'password', '[password]s and [password]'],
    ['e-mail email', 'mail', 'e-[mail] e[mail]'],
    ['abcd', 'bc ab', '[abc]d'],
    ['nothing here', 'zebra', 'nothing here'],
  ])('%s / %s → %s', (text, q, expected) => {
    expect(marked(text, q)).toBe(expected);
  });

  it('keeps the text whole', () => {
    const text = defaultPack.ruleSets[0]!.rules[0]!.text;
    expect(
      highlight(text, ['the', 'adult'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('searchRules', () => {
  it('needs every word somewhere in the rule (heading, group or text)', () => {
    const hits = searchRules(defaultPack.ruleSets, 'passwords don’t').rules;
    expect(hits.map((h) => `${h.ruleSet.id} ${h.rule.id}`)).toEqual([
      'belmont-data-security r2',
      'belmont-data-security r3',
    ]);
    expect(hits[0]!.number).toBe(2);
  });

  it('stays within an audience, counting the audiences a set is also for', () => {
    const all = searchRules(defaultPack.ruleSets, 'password');
    const ks3 = searchRules(defaultPack.ruleSets, 'password', 'ks3+');
    expect(ks3.rules.length).toBeGreaterThan(0);
    expect(ks3.rules.length).toBeLessThan(all.rules.length);
    for (const h of ks3.rules) expect(h.ruleSet.alsoFor ?? []).toContain('ks3+');
  });

  it('finds rule sets by title or source section', () => {
    expect(searchRules(defaultPack.ruleSets, 'smile').ruleSets.map((s) => s.id)).toEqual([
      'gracefield-smile-poster',
    ]);
    expect(
      searchRules(defaultPack.ruleSets, 'appendix community').ruleSets.map((s) => s.id),
    ).toEqual(['odst-community-users']);
  });
});
