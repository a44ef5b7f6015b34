/**
 * The events a DSL's guided flowchart seals (`step.answered`, `walk.attached`,
 * `action.recorded`) and their checks: nothing is trusted because it decrypted. The merge
 * into one chronology is chronology.ts.
 */
import { isUlid } from './ulid.ts';

/** Longest reason, name or copied text an event may carry (characters). */
export const CHRONOLOGY_LIMITS = { reason: 5_000, name: 200, text: 4_000 } as const;

/** One decision in a guided flowchart: sealed as a `step.answered` event. */
export interface StepAnsweredPayload {
  type: 'step.answered';
  /** This walk through one flowchart (a ULID made where the walk started). */
  walkId: string;
  /** The incident, or null for a walk started from scratch (see WalkAttachedPayload). */
  incidentId: string | null;
  flowchartId: string;
  /** A copy of the flowchart's title, so the record reads the same if the pack changes. */
  flowchartTitle: string;
  packVersion: string;
  /** Where on the path this decision sits (0 = the first); a lower one replaces the rest. */
  position: number;
  nodeId: string;
  /** A copy of the question asked (or the checklist's title, for "continue"). */
  prompt: string;
  /** The answer's id; `continue` moves on from a checklist. */
  answerId: string;
  label: string;
  /** The answer was a decision not to refer or act: `reason` is then required. */
  requiresReason: boolean;
  /** Why; '' when none was given (allowed only when not required). */
  reason: string;
  /** The DSL who decided. */
  by: string;
  /** When (ISO 8601). */
  at: string;
}

/** Joins a walk started from scratch to an incident (sealed under `step.answered`). */
export interface WalkAttachedPayload {
  type: 'walk.attached';
  walkId: string;
  incidentId: string;
  flowchartId: string;
  by: string;
  at: string;
}

export type ActionStatus = 'done' | 'not-done';

/** One checklist step recorded as done, or as deliberately not done with the reason. */
export interface ActionRecordedPayload {
  type: 'action.recorded';
  walkId: string;
  incidentId: string | null;
  flowchartId: string;
  packVersion: string;
  /** The action node and the step in it (step ids are unique within a flowchart). */
  nodeId: string;
  nodeTitle: string;
  stepId: string;
  /** A copy of the step's text. */
  text: string;
  status: ActionStatus;
  /** Required (not blank) when not done; '' or a note when done. */
  reason: string;
  /** Who did it, or who decided not to. */
  by: string;
  /** When it was done or decided (ISO 8601). */
  at: string;
  /** The DSL who recorded it, and when. */
  recordedBy: string;
  recordedAt: string;
}

/** The part of an `incident.created` payload the chronology relies on; the rest is kept. */
export interface IncidentCreatedLike {
  type: 'incident.created';
  incidentId: string;
  recordedAt: string;
  recordedBy: string;
  /** The record's fields, as sent: read defensively, the shape grows over versions. */
  fields: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number = CHRONOLOGY_LIMITS.text): v is string =>
  typeof v === 'string' && v.length <= max;
const filled = (v: unknown, max?: number): v is string => text(v, max) && v.trim() !== '';
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isId = (v: unknown): v is string => filled(v, 200);
const incidentRef = (v: unknown) => v === null || isId(v);

export function isStepAnsweredPayload(value: unknown): value is StepAnsweredPayload {
  if (!isObject(value) || value.type !== 'step.answered') return false;
  const v = value;
  return (
    isUlid(v.walkId) &&
    incidentRef(v.incidentId) &&
    isId(v.flowchartId) &&
    filled(v.flowchartTitle) &&
    text(v.packVersion, 100) &&
    Number.isSafeInteger(v.position) &&
    (v.position as number) >= 0 &&
    isId(v.nodeId) &&
    text(v.prompt) &&
    isId(v.answerId) &&
    filled(v.label) &&
    typeof v.requiresReason === 'boolean' &&
    text(v.reason, CHRONOLOGY_LIMITS.reason) &&
    (!v.requiresReason || (v.reason as string).trim() !== '') &&
    filled(v.by, CHRONOLOGY_LIMITS.name) &&
    isTime(v.at)
  );
}

export function isWalkAttachedPayload(value: unknown): value is WalkAttachedPayload {
  if (!isObject(value) || value.type !== 'walk.attached') return false;
  return (
    isUlid(value.walkId) &&
    isId(value.incidentId) &&
    isId(value.flowchartId) &&
    filled(value.by, CHRONOLOGY_LIMITS.name) &&
    isTime(value.at)
  );
}

export function isActionRecordedPayload(value: unknown): value is ActionRecordedPayload {
  if (!isObject(value) || value.type !== 'action.recorded') return false;
  const v = value;
  return (
    isUlid(v.walkId) &&
    incidentRef(v.incidentId) &&
    isId(v.flowchartId) &&
    text(v.packVersion, 100) &&
    isId(v.nodeId) &&
    text(v.nodeTitle) &&
    isId(v.stepId) &&
    filled(v.text) &&
    (v.status === 'done' || v.status === 'not-done') &&
    text(v.reason, CHRONOLOGY_LIMITS.reason) &&
    (v.status === 'done' || (v.reason as string).trim() !== '') &&
    filled(v.by, CHRONOLOGY_LIMITS.name) &&
    isTime(v.at) &&
    filled(v.recordedBy, CHRONOLOGY_LIMITS.name) &&
    isTime(v.recordedAt)
  );
}

/** Only the fields the chronology uses; the record's own check is incident-payload.ts. */
export function isIncidentCreatedLike(value: unknown): value is IncidentCreatedLike {
  if (!isObject(value) || value.type !== 'incident.created') return false;
  return (
    isId(value.incidentId) &&
    typeof value.recordedAt === 'string' &&
    typeof value.recordedBy === 'string' &&
    isObject(value.fields)
  );
}
