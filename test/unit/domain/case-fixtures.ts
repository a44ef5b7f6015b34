/** A small, known set of incidents as opened events, for the console's pure modules. */
import { CASE_EVENT_KIND, type CaseEventPayload } from '../../../src/domain/case-events.ts';
import { buildChronology, type ChronologyEvent } from '../../../src/domain/chronology.ts';
import { summariseCase, type CaseRules } from '../../../src/domain/case-state.ts';

export const RULES: CaseRules = {
  dataBreachHours: 72,
  staffCategories: new Set(['staff-misuse']),
  retention: [
    { id: 'default', scope: 'default', years: 6 },
    { id: 'illegal', scope: 'category', ref: 'suspected-illegal-material', years: 25 },
    { id: 'unset', scope: 'category', ref: 'lost-laptop', years: null },
  ],
};

let seq = 0;
export function event(
  kind: string,
  created: string,
  payload: unknown,
  device = 'tab-1',
): ChronologyEvent {
  seq++;
  return { id: `EV${String(seq).padStart(24, '0')}`, device, seq, created, kind, payload };
}

export interface IncidentSpec {
  id: string;
  recordedAt: string;
  when?: string;
  category?: { id: string; label: string; suspectedIllegal?: boolean; dataBreach?: boolean } | null;
  what?: string;
  where?: string;
  reportedBy?: string;
  recordedBy?: string;
  people?: { name: string; role: string; kind: string; yearGroup?: string }[];
  actions?: { what: string; by: string; when: string }[];
  suspectedIllegal?: boolean;
}

export function created(spec: IncidentSpec): ChronologyEvent {
  const c = spec.category;
  return event('incident.created', spec.recordedAt, {
    type: 'incident.created',
    incidentId: spec.id,
    recordedAt: spec.recordedAt,
    recordedBy: spec.recordedBy ?? 'Terry Teacher',
    fields: {
      what: spec.what ?? 'Something happened online.',
      when: spec.when ?? '',
      where: spec.where ?? 'Room 4',
      reportedBy: spec.reportedBy ?? 'Terry Teacher',
      trip: '',
      category: c
        ? {
            id: c.id,
            label: c.label,
            area: 'content',
            suspectedIllegal: Boolean(c.suspectedIllegal),
            dataBreach: Boolean(c.dataBreach),
          }
        : null,
      childWords: '',
      people: (spec.people ?? []).map((p, i) => ({
        id: `p${i}`,
        name: p.name,
        role: p.role,
        kind: p.kind,
        yearGroup: p.yearGroup ?? '',
        rosterPupilId: '',
      })),
      actions: (spec.actions ?? []).map((a, i) => ({ id: `a${i}`, ...a })),
      told: { dslToldVerbally: '', dslName: '', dslToldAt: '', others: '' },
      marking: 'OFFICIAL-SENSITIVE',
      suspectedIllegal: Boolean(spec.suspectedIllegal),
    },
  });
}

export function caseEvent(payload: CaseEventPayload, device = 'dsl-1'): ChronologyEvent {
  return event(CASE_EVENT_KIND[payload.type], payload.at, payload, device);
}

export function summaries(events: ChronologyEvent[], rules: CaseRules = RULES) {
  const result = buildChronology(events);
  return {
    result,
    cases: result.incidents.map((c) => ({ chronology: c, summary: summariseCase(c, rules) })),
  };
}
