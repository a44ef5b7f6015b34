/**
 * "Record a breach of this rule" (from the rules library): the new draft's preset, with the
 * rule noted as evidence and the rule's suggested category chosen. Loaded only on that
 * arrival, so the capture screen's own start carries none of it.
 */
import { capturePolicyFrom } from '../../domain/categories.ts';
import { EMPTY_EVIDENCE } from '../../domain/evidence.ts';
import { categoryChoice, type IncidentFields } from '../../domain/incident.ts';
import type { PolicyPack } from '../../policy/pack-schema.ts';
import { breachSuggestion, parseFromRule } from '../rules/breach.ts';

/** The preset for `fromRule` (as the rules library writes it), or null if it names no rule. */
export async function presetFromRule(
  fromRule: string,
  pack: PolicyPack | null,
): Promise<Partial<IncidentFields> | null> {
  const ids = parseFromRule(fromRule);
  const rules = pack ?? (await import('../../policy/default-pack/index.ts')).defaultPack;
  if (!ids) return null;
  const suggestion = breachSuggestion(rules, ids.ruleSetId, ids.ruleId);
  const category = rules.categories.find((c) => c.id === suggestion.categoryId);
  const option = category && capturePolicyFrom(rules).categories.find((c) => c.id === category.id);
  return {
    ...(option ? { category: categoryChoice(option) } : {}),
    evidence: { ...EMPTY_EVIDENCE, notes: suggestion.note },
  };
}
