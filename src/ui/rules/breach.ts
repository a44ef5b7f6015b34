/**
 * From a rule to an incident. "Record a breach of this rule" opens the capture screen at
 * `/capture?fromRule=<ruleSetId>:<ruleId>`; the capture side calls `breachSuggestion` with
 * the school's pack to pre-select a category and note the rule. Pure: no DOM, no storage.
 *
 * The category comes from a documented keyword table (breach-categories.ts), and only when
 * the school's pack has it.
 */
import type { PolicyPack, Rule, RuleSet } from '../../policy/pack-schema.ts';
import { suggestedCategory } from './breach-categories.ts';

export interface BreachSuggestion {
  /** A category id from this pack, or null when the rule does not point clearly at one. */
  categoryId: string | null;
  /** A line for the record saying which rule was broken, quoting it. */
  note: string;
}

/** The note for the record: which rule, of which set and version, in the rule's words. */
export function breachNote(set: RuleSet, rule: Rule): string {
  const n = set.rules.indexOf(rule) + 1;
  const words = rule.title ? `${rule.title}: ${rule.text}` : rule.text;
  return `Breach of rule ${n} of “${set.title}” (${set.id}, version ${set.version}): “${words}”`;
}

/**
 * What to pre-fill when recording a breach of `ruleId` in `ruleSetId`. An id the pack does
 * not hold gives no category and a note saying so, never an exception: the address may
 * come from a bookmark made before the school changed its pack.
 */
export function breachSuggestion(
  pack: Pick<PolicyPack, 'ruleSets' | 'categories'>,
  ruleSetId: string,
  ruleId: string,
): BreachSuggestion {
  const set = pack.ruleSets.find((s) => s.id === ruleSetId);
  const rule = set?.rules.find((r) => r.id === ruleId);
  if (!set || !rule) {
    return {
      categoryId: null,
      note: `Breach of rule ${ruleId} of rule set ${ruleSetId} (not in this school’s current rules).`,
    };
  }
  const id = suggestedCategory(set, rule);
  const known = id !== null && pack.categories.some((c) => c.id === id);
  return { categoryId: known ? id : null, note: breachNote(set, rule) };
}

/** The value of `fromRule` in the capture address. */
export const fromRuleValue = (ruleSetId: string, ruleId: string) => `${ruleSetId}:${ruleId}`;

/** The capture screen's address for a breach of this rule. */
export const breachHref = (ruleSetId: string, ruleId: string) =>
  `/capture?fromRule=${encodeURIComponent(fromRuleValue(ruleSetId, ruleId))}`;

/** Reads `fromRule` back (ids never contain ':'); null when it is not of that form. */
export function parseFromRule(value: unknown): { ruleSetId: string; ruleId: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^([a-z0-9][a-z0-9-]{0,63}):([a-z0-9][a-z0-9-]{0,63})$/.exec(value);
  return m ? { ruleSetId: m[1]!, ruleId: m[2]! } : null;
}
