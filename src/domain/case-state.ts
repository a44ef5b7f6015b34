/**
 * Where each incident stands, worked out from its chronology alone: new (no DSL has acted),
 * open or closed; the urgent flags its content raises; the people in it; when a DSL first
 * acted; and when the record is due for deletion under the school's retention rules. Pure,
 * so every DSL console (and every export and summary) derives the same answer from the
 * same events.
 */
import type { CaseEventPayload } from './case-events.ts';
import type { ChronologyEvent, IncidentChronology } from './chronology.ts';
import { incidentReference } from './incident.ts';

export type CaseStatus = 'new' | 'open' | 'closed';

export const URGENT_FLAGS = [
  'suspected-illegal',
  'child-at-risk',
  'staff-involved',
  'data-breach',
] as const;
export type UrgentFlag = (typeof URGENT_FLAGS)[number];

export const FLAG_LABELS: Record<UrgentFlag, string> = {
  'suspected-illegal': 'Suspected illegal material',
  'child-at-risk': 'Child at risk',
  'staff-involved': 'Member of staff involved',
  'data-breach': 'Data breach: reporting clock',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  open: 'Open',
  closed: 'Closed',
};

export interface CasePerson {
  name: string;
  role: string;
  kind: string;
  yearGroup: string;
}

/** One retention rule as the console applies it (the pack's rules, without their prose). */
export interface RetentionPolicy {
  id: string;
  scope: 'default' | 'category' | 'record-form' | 'other';
  ref?: string;
  /** Null where the school has not set a period. */
  years: number | null;
}

/** What the console needs from the school's policy pack to judge a case. */
export interface CaseRules {
  /** Hours to report a personal-data breach, from the moment the school knew. */
  dataBreachHours: number;
  /** Categories whose incidents involve a member of staff by definition. */
  staffCategories: ReadonlySet<string>;
  retention: readonly RetentionPolicy[];
}

export interface RetentionDue {
  ruleId: string | null;
  years: number | null;
  /** The local date the record may be deleted (YYYY-MM-DD), or null (see `why`). */
  dueOn: string | null;
  why: string;
}

export interface CaseSummary<E extends ChronologyEvent = ChronologyEvent> {
  incidentId: string;
  reference: string;
  /** False until the `incident.created` record has arrived and opened here. */
  known: boolean;
  status: CaseStatus;
  categoryId: string | null;
  categoryLabel: string | null;
  what: string;
  where: string;
  trip: string;
  /** When it happened, as the member of staff gave it (local `YYYY-MM-DDTHH:MM`). */
  when: string;
  reportedBy: string;
  recordedBy: string;
  /** When it was recorded (ISO 8601): the start of every clock. */
  recordedAt: string;
  people: CasePerson[];
  flags: UrgentFlag[];
  /** The end of the data-breach reporting window (ISO 8601), when the flag is raised. */
  breachDeadline: string | null;
  /** The first decision, action, note or closure by a DSL (ISO 8601). */
  firstActionAt: string | null;
  lastActivityAt: string;
  closedAt: string | null;
  closedBy: string | null;
  outcome: string | null;
  retention: RetentionDue;
  /** The event that created the record (for its author's device and signature). */
  createdEvent: E | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function peopleOf(fields: Record<string, unknown>): CasePerson[] {
  const list = Array.isArray(fields.people) ? fields.people : [];
  return list.filter(isObject).map((p) => ({
    name: str(p.name).trim(),
    role: str(p.role),
    kind: str(p.kind),
    yearGroup: str(p.yearGroup).trim(),
  }));
}

/** When a DSL's event says it happened: the time it records, not when it was sealed. */
function dslTime(entry: IncidentChronology['entries'][number]): string | null {
  const b = entry.body;
  if (b.type === 'incident.created') return null;
  if (b.type === 'walk.attached') return null;
  if (b.type === 'case') return b.payload.at;
  return b.payload.at;
}

/** Adds whole years to a local date, keeping 29 February on 28 February in other years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + Math.floor(years);
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The local calendar date of an instant (YYYY-MM-DD). */
export function localDayOf(iso: string): string {
  const d = new Date(iso);
  const shifted = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/**
 * The retention rule for a category (its own rule, else the school's default) and the date
 * the record may be deleted: that many years after it was closed. An open record is never due.
 */
export function retentionFor(
  rules: readonly RetentionPolicy[],
  categoryId: string | null,
  closedAt: string | null,
): RetentionDue {
  const rule =
    rules.find((r) => r.scope === 'category' && r.ref === categoryId) ??
    rules.find((r) => r.scope === 'default');
  if (!rule) {
    return {
      ruleId: null,
      years: null,
      dueOn: null,
      why: 'The policy pack has no retention rule.',
    };
  }
  if (rule.years === null) {
    return {
      ruleId: rule.id,
      years: null,
      dueOn: null,
      why: 'The school has not set a retention period for these records.',
    };
  }
  if (!closedAt) {
    return {
      ruleId: rule.id,
      years: rule.years,
      dueOn: null,
      why: `Kept while open; then ${rule.years} years from closing.`,
    };
  }
  const dueOn = addYears(localDayOf(closedAt), rule.years);
  return { ruleId: rule.id, years: rule.years, dueOn, why: `${rule.years} years from closing.` };
}

/** Works out one incident's state from its chronology. */
export function summariseCase<E extends ChronologyEvent>(
  c: IncidentChronology<E>,
  rules: CaseRules,
): CaseSummary<E> {
  const created = c.created?.body.type === 'incident.created' ? c.created.body.payload : null;
  const fields = created?.fields ?? {};
  const recorded = isObject(fields.category) ? fields.category : null;
  let category: Record<string, unknown> | null = recorded;
  let status: CaseStatus = 'new';
  let firstActionAt: string | null = null;
  let closedAt: string | null = null;
  let closedBy: string | null = null;
  let outcome: string | null = null;
  let lastActivityAt = c.created?.event.created ?? c.entries[0]?.event.created ?? '';

  for (const entry of c.entries) {
    if (entry.event.created > lastActivityAt) lastActivityAt = entry.event.created;
    const at = dslTime(entry);
    if (at === null) continue;
    if (firstActionAt === null || at < firstActionAt) firstActionAt = at;
    if (status === 'new') status = 'open';
    if (entry.body.type !== 'case') continue;
    const p: CaseEventPayload = entry.body.payload;
    if (p.type === 'case.amendment' && p.category) category = { ...p.category };
    if (p.type === 'incident.closed') {
      status = 'closed';
      closedAt = p.at;
      closedBy = p.by;
      outcome = p.outcome;
    } else if (p.type === 'incident.reopened') {
      status = 'open';
      closedAt = closedBy = outcome = null;
    }
  }

  const people = peopleOf(fields);
  const categoryId = typeof category?.id === 'string' ? category.id : null;
  const recordedAt = str(created?.recordedAt) || (c.created?.event.created ?? '');
  const flags: UrgentFlag[] = [];
  if (fields.suspectedIllegal === true || category?.suspectedIllegal === true) {
    flags.push('suspected-illegal');
  }
  if (people.some((p) => p.kind === 'pupil' && p.role === 'victim')) flags.push('child-at-risk');
  if (
    (categoryId !== null && rules.staffCategories.has(categoryId)) ||
    people.some((p) => p.kind === 'staff' && (p.role === 'instigator' || p.role === 'victim'))
  ) {
    flags.push('staff-involved');
  }
  let breachDeadline: string | null = null;
  if (category?.dataBreach === true) {
    flags.push('data-breach');
    const start = Date.parse(recordedAt);
    if (!Number.isNaN(start)) {
      breachDeadline = new Date(start + rules.dataBreachHours * 3_600_000).toISOString();
    }
  }

  return {
    incidentId: c.incidentId,
    reference: incidentReference(c.incidentId),
    known: created !== null,
    status,
    categoryId,
    categoryLabel: typeof category?.label === 'string' ? category.label : null,
    what: str(fields.what),
    where: str(fields.where),
    trip: str(fields.trip),
    when: str(fields.when),
    reportedBy: str(fields.reportedBy),
    recordedBy: str(created?.recordedBy),
    recordedAt,
    people,
    flags,
    breachDeadline,
    firstActionAt,
    lastActivityAt,
    closedAt,
    closedBy,
    outcome,
    retention: retentionFor(rules.retention, categoryId, closedAt),
    createdEvent: c.created?.event ?? null,
  };
}

/** Whether the case still needs a DSL's attention first: an urgent flag on a case not closed. */
export const isUrgent = (s: CaseSummary) => s.status !== 'closed' && s.flags.length > 0;
