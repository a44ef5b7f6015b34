/**
 * The events a DSL seals while working an incident from the console, outside a guided
 * flowchart: a note, an action taken (what, by whom, when), a decision with its reason, an
 * amendment of the record (a new category, a correction), closing with an outcome,
 * reopening, and deleting the record when its retention period has run out. Each is checked
 * on arrival like every other event: nothing is trusted because it decrypted.
 *
 * The amendments, notes and decisions travel under the `incident.amended` kind and actions
 * under `action.recorded` (the envelope kind is all the endpoint sees), told apart by the
 * payload's own `type`.
 */
import { CHRONOLOGY_LIMITS } from './chronology-events.ts';
import { CATEGORY_AREAS, type CategoryChoice } from './incident.ts';

interface CaseEventBase {
  incidentId: string;
  /** The DSL who recorded it. */
  by: string;
  /** When it was recorded (ISO 8601). */
  at: string;
}

export interface CaseNotePayload extends CaseEventBase {
  type: 'case.note';
  text: string;
}

export interface CaseActionPayload extends CaseEventBase {
  type: 'case.action';
  what: string;
  /** Who did it (may be someone other than the DSL recording it). */
  doneBy: string;
  /** When it was done (ISO 8601). */
  doneAt: string;
}

export interface CaseDecisionPayload extends CaseEventBase {
  type: 'case.decision';
  decision: string;
  reason: string;
}

/** A correction of the record: a new category and/or corrected wording, with the reason. */
export interface CaseAmendmentPayload extends CaseEventBase {
  type: 'case.amendment';
  category: CategoryChoice | null;
  correction: string;
  reason: string;
}

export interface IncidentClosedPayload extends CaseEventBase {
  type: 'incident.closed';
  outcome: string;
}

export interface IncidentReopenedPayload extends CaseEventBase {
  type: 'incident.reopened';
  reason: string;
}

/**
 * The deletion of a record whose retention period has run out. It outlives the record: it
 * is what shows, later, that the record existed and was deleted on purpose, by whom and under
 * which rule. It names the incident by reference and category only.
 */
export interface IncidentErasedPayload extends CaseEventBase {
  type: 'incident.erased';
  reference: string;
  categoryLabel: string;
  ruleId: string;
  /** The date the record was due for deletion (YYYY-MM-DD). */
  dueOn: string;
  /** How many envelopes the endpoint was asked to erase. */
  envelopes: number;
}

export type CaseEventPayload =
  | CaseNotePayload
  | CaseActionPayload
  | CaseDecisionPayload
  | CaseAmendmentPayload
  | IncidentClosedPayload
  | IncidentReopenedPayload;

export const CASE_LIMITS = {
  text: CHRONOLOGY_LIMITS.reason,
  short: 500,
  name: CHRONOLOGY_LIMITS.name,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const filled = (v: unknown, max: number): v is string => text(v, max) && v.trim() !== '';
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function base(v: Record<string, unknown>): boolean {
  return filled(v.incidentId, 200) && filled(v.by, CASE_LIMITS.name) && isTime(v.at);
}

const isCategoryChoice = (v: unknown): v is CategoryChoice =>
  isObject(v) &&
  filled(v.id, 200) &&
  filled(v.label, CASE_LIMITS.short) &&
  (v.area === null || (CATEGORY_AREAS as unknown[]).includes(v.area)) &&
  typeof v.suspectedIllegal === 'boolean' &&
  typeof v.dataBreach === 'boolean';

const CHECKS: Record<CaseEventPayload['type'], (v: Record<string, unknown>) => boolean> = {
  'case.note': (v) => filled(v.text, CASE_LIMITS.text),
  'case.action': (v) =>
    filled(v.what, CASE_LIMITS.text) && filled(v.doneBy, CASE_LIMITS.name) && isTime(v.doneAt),
  'case.decision': (v) =>
    filled(v.decision, CASE_LIMITS.short) && filled(v.reason, CASE_LIMITS.text),
  'case.amendment': (v) =>
    (v.category === null || isCategoryChoice(v.category)) &&
    text(v.correction, CASE_LIMITS.text) &&
    (v.category !== null || (v.correction as string).trim() !== '') &&
    filled(v.reason, CASE_LIMITS.text),
  'incident.closed': (v) => filled(v.outcome, CASE_LIMITS.text),
  'incident.reopened': (v) => filled(v.reason, CASE_LIMITS.text),
};

/** The envelope kind each case event is sealed under. */
export const CASE_EVENT_KIND = {
  'case.note': 'incident.amended',
  'case.decision': 'incident.amended',
  'case.amendment': 'incident.amended',
  'case.action': 'action.recorded',
  'incident.closed': 'incident.closed',
  'incident.reopened': 'incident.reopened',
} as const satisfies Record<CaseEventPayload['type'], string>;

/** Whether `value` is a complete case event that may be sealed under `kind`. */
export function isCaseEventPayload(kind: string, value: unknown): value is CaseEventPayload {
  if (!isObject(value) || typeof value.type !== 'string' || !(value.type in CHECKS)) return false;
  const type = value.type as CaseEventPayload['type'];
  return CASE_EVENT_KIND[type] === kind && base(value) && CHECKS[type](value);
}

export function isIncidentErasedPayload(value: unknown): value is IncidentErasedPayload {
  if (!isObject(value) || value.type !== 'incident.erased') return false;
  return (
    base(value) &&
    filled(value.reference, 40) &&
    text(value.categoryLabel, CASE_LIMITS.short) &&
    filled(value.ruleId, 200) &&
    /^\d{4}-\d{2}-\d{2}$/.test(String(value.dueOn)) &&
    Number.isSafeInteger(value.envelopes) &&
    (value.envelopes as number) >= 0
  );
}
