/**
 * Every incident this DSL can open, as cases: the chronology and where it stands (status,
 * urgent flags, people, retention), worked out once per load and shared by the triage
 * queue, the incident and person views, retention, the log and the governor summary.
 */
import { useMemo } from 'preact/hooks';
import { summariseCase, type CaseSummary } from '../../domain/case-state.ts';
import type { IncidentChronology } from '../../domain/chronology.ts';
import { usePolicy } from '../app/policy.tsx';
import type { OpenedEvent } from '../wizard/opened-events.ts';
import { useConsoleRecords, type ConsoleRecords } from '../wizard/use-console-records.ts';
import { caseRules } from './case-rules.ts';

export interface Case {
  chronology: IncidentChronology<OpenedEvent>;
  summary: CaseSummary<OpenedEvent>;
}

export interface Cases {
  records: ConsoleRecords;
  cases: Case[];
  /** False until the policy pack (for the rules) and the records are both here. */
  ready: boolean;
}

export function useCases(pullOnOpen = true): Cases {
  const records = useConsoleRecords(pullOnOpen);
  const { pack } = usePolicy();
  const cases = useMemo(() => {
    if (!records.result || !pack) return [];
    const rules = caseRules(pack);
    return records.result.incidents.map((chronology) => ({
      chronology,
      summary: summariseCase(chronology, rules),
    }));
  }, [records.result, pack]);
  return { records, cases, ready: Boolean(records.result && pack) };
}
