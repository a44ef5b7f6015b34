/**
 * How the rules library names audiences, forms and sources on screen, and the small facts
 * about a rule set the screens share (which audiences it is for, its rule numbers, the lines
 * printed under an agreement).
 */
import type { Audience, Rule, RuleSet, RuleSetForm } from '../../policy/pack-schema.ts';
import { POLICY_NAMES } from '../wizard/policy-names.ts';

/** In the order a school thinks of them: youngest pupils first, then the adults. */
export const AUDIENCE_ORDER: readonly Audience[] = [
  'eyfs-ks1',
  'ks2',
  'ks3+',
  'staff',
  'visitors',
  'parents',
  'community',
];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  'eyfs-ks1': 'EYFS / KS1',
  ks2: 'KS2',
  'ks3+': 'KS3 and above',
  staff: 'Staff',
  visitors: 'Visitors and contractors',
  parents: 'Parents and carers',
  community: 'Community users',
};

export const FORM_LABELS: Record<RuleSetForm, string> = {
  agreement: 'Agreement',
  poster: 'Poster',
  'code-of-conduct': 'Code of conduct',
  guidance: 'Guidance',
};

/** Printed under an agreement when the rule set names no lines of its own. */
export const DEFAULT_SIGNATURE_LINES = ['Name', 'Class', 'Signature', 'Date'] as const;

export const isAudience = (v: unknown): v is Audience =>
  typeof v === 'string' && (AUDIENCE_ORDER as readonly string[]).includes(v);

/** The rule set's own audience, then any further ones it addresses. */
export const audiencesOf = (set: RuleSet): Audience[] => [set.audience, ...(set.alsoFor ?? [])];

export const isFor = (set: RuleSet, audience: Audience) => audiencesOf(set).includes(audience);

/** "Whiston, ‘Key Stage 2 e-Safety Rules (lines 693-727)’, Letter to parents dated …" */
export function sourceText(set: RuleSet): string {
  const { policy, section, dated } = set.source;
  return [POLICY_NAMES[policy], `‘${section}’`, dated].filter(Boolean).join(', ');
}

export function signatureLinesOf(set: RuleSet): string[] {
  return set.signatureLines?.length ? set.signatureLines : [...DEFAULT_SIGNATURE_LINES];
}

/** A rule's number as printed: its place in the set, from 1. */
export const ruleNumber = (set: RuleSet, rule: Rule) => set.rules.indexOf(rule) + 1;

/** The rule as one line: its own heading (where it has one), then its text. */
export const ruleLine = (rule: Rule) => (rule.title ? `${rule.title}: ${rule.text}` : rule.text);

/** Consecutive rules under the same source heading, with the number of the first. */
export interface RuleGroup {
  group: string | undefined;
  start: number;
  rules: Rule[];
}

export function groupRules(set: RuleSet): RuleGroup[] {
  const groups: RuleGroup[] = [];
  set.rules.forEach((rule, i) => {
    const last = groups[groups.length - 1];
    if (last && last.group === rule.group) last.rules.push(rule);
    else groups.push({ group: rule.group, start: i + 1, rules: [rule] });
  });
  return groups;
}
