/**
 * Instant search across every rule in the pack, on the device: no index to build, because a
 * school's rule sets hold a few hundred rules at most. Matching ignores case, accents and the
 * kind of quote mark ("don't" finds "don’t"), and each folded character keeps its place, so
 * a match found in the folded text highlights the same characters in the original.
 */
import type { Audience, Rule, RuleSet } from '../../policy/pack-schema.ts';
import { isFor } from './labels.ts';

/** Shorter queries would match nearly everything; the library shows the list instead. */
export const MIN_QUERY_LENGTH = 2;

const QUOTES: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‛': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
};

/** One character to one character (never more), so folded indices are original indices. */
function foldChar(c: string): string {
  const quote = QUOTES[c];
  if (quote) return quote;
  const lower = c.toLowerCase();
  const base = (lower.length === 1 ? lower : c).normalize('NFD')[0] ?? c;
  return base.length === 1 ? base : c;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** The query's words, folded, without repeats, longest first (so highlights prefer them). */
export function queryTerms(query: string): string[] {
  if (query.trim().length < MIN_QUERY_LENGTH) return [];
  const words = fold(query).split(/\s+/).filter(Boolean);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

export interface Segment {
  text: string;
  match: boolean;
}

/** The text cut into plain and matching runs; overlapping and touching matches merge. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const folded = fold(text);
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i++) marks[i] = true;
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marks[i]) last.text += text[i];
    else segments.push({ text: text[i]!, match: marks[i]! });
  }
  return segments;
}

const hasAll = (haystack: string, terms: readonly string[]) => {
  const folded = fold(haystack);
  return terms.every((t) => folded.includes(t));
};

export interface RuleHit {
  ruleSet: RuleSet;
  rule: Rule;
  /** The rule's number in its set, from 1. */
  number: number;
}

export interface SearchResult {
  terms: string[];
  /** Rule sets whose title or source matches every word. */
  ruleSets: RuleSet[];
  /** Rules whose heading, group or text matches every word. */
  rules: RuleHit[];
}

/** Every rule set and rule matching all the query's words, within one audience if given. */
export function searchRules(
  ruleSets: readonly RuleSet[],
  query: string,
  audience?: Audience,
): SearchResult {
  const terms = queryTerms(query);
  const result: SearchResult = { terms, ruleSets: [], rules: [] };
  if (terms.length === 0) return result;
  for (const set of ruleSets) {
    if (audience && !isFor(set, audience)) continue;
    if (hasAll(`${set.title} ${set.source.section}`, terms)) result.ruleSets.push(set);
    set.rules.forEach((rule, i) => {
      const haystack = [rule.title, rule.group, rule.text].filter(Boolean).join(' ');
      if (hasAll(haystack, terms)) result.rules.push({ ruleSet: set, rule, number: i + 1 });
    });
  }
  return result;
}
