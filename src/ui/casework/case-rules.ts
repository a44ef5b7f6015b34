/**
 * What the console's case logic needs from the school's policy pack: the data-breach
 * reporting window, which categories involve staff, and the retention rules.
 */
import type { CaseRules } from '../../domain/case-state.ts';
import type { PolicyPack } from '../../policy/pack-schema.ts';

export function caseRules(pack: PolicyPack): CaseRules {
  return {
    dataBreachHours: pack.settings.dataBreachReportingHours,
    staffCategories: new Set(
      pack.categories.filter((c) => c.flags.includes('staffInvolved')).map((c) => c.id),
    ),
    retention: pack.retention.map((r) => ({
      id: r.id,
      scope: r.scope,
      ...(r.ref ? { ref: r.ref } : {}),
      years: r.years,
    })),
  };
}
