/**
 * Small builders that keep the default pack's data files close to the seed text: a citation,
 * numbered rules and numbered scenario steps. Ids from numbering follow the seed's order, so
 * they stay stable while the transcription does.
 */
import type { PolicyName, Rule, ScenarioStep, Source, Step } from '../pack-schema.ts';

export const SEEDS: Record<Exclude<PolicyName, 'school'>, string> = {
  gracefield: '000_9613b6966cb8224c.txt',
  whiston: '001_a8cd947e3685ab12.txt',
  belmont: '002_4ebeb5e4ba867962.txt',
  odst: '003_0e51c386ce04dc79.txt',
  holywell: '004_9fde457f722dc8f2.txt',
};

/** Dates the seed documents give themselves. */
export const DATED = {
  whiston: 'Letter to parents dated 28 September 2016',
  belmont: 'Approved by Trust SLT September 2023; next review September 2024',
  odst: 'Review due by 31 July 2021',
  holywell: 'Last review July 2018',
} as const;

export function src(policy: PolicyName, section: string, dated?: string): Source {
  return dated === undefined ? { policy, section } : { policy, section, dated };
}

export function step(id: string, text: string, extra: Omit<Step, 'id' | 'text'> = {}): Step {
  return { id, text, ...extra };
}

type RuleInput = string | Omit<Rule, 'id'>;

/** Rules numbered r1, r2, ... in the order the source prints them. */
export function numberRules(items: readonly RuleInput[]): Rule[] {
  return items.map((item, i) => ({
    id: `r${i + 1}`,
    ...(typeof item === 'string' ? { text: item } : item),
  }));
}

/** Rules printed under one heading in the source. */
export function inGroup(group: string, texts: readonly string[]): Omit<Rule, 'id'>[] {
  return texts.map((text) => ({ group, text }));
}

type StepInput = string | (Omit<Step, 'id'> & { substeps?: (string | Omit<Step, 'id'>)[] });

/** Scenario steps numbered s1, s2, ...; sub-steps s1a, s1b, ... as the source letters them. */
export function numberSteps(items: readonly StepInput[]): ScenarioStep[] {
  return items.map((item, i) => {
    const id = `s${i + 1}`;
    if (typeof item === 'string') return { id, text: item };
    const { substeps, ...rest } = item;
    if (!substeps) return { id, ...rest };
    return {
      id,
      ...rest,
      substeps: substeps.map((sub, k) => ({
        id: `${id}${String.fromCharCode(97 + k)}`,
        ...(typeof sub === 'string' ? { text: sub } : sub),
      })),
    };
  });
}
