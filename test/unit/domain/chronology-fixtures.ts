/**
 * Fixtures for the chronology tests: payloads of the three wizard kinds (a decision, a
 * checklist record, a walk attached to an incident) and a tablet's incident record, each
 * with every field filled and any of them overridable, wrapped as opened events with a
 * device, a sequence number and a created time, plus the ids of an incident's entries in
 * the order buildChronology puts them.
 */
import {
  buildChronology,
  type ActionRecordedPayload,
  type ChronologyEvent,
  type StepAnsweredPayload,
  type WalkAttachedPayload,
} from '../../../src/domain/chronology.ts';

export const WALK_A = '01J0000000000000000000WA01';
export const WALK_B = '01J0000000000000000000WB02';
export const T = (minute: number, ms = 0) =>
  new Date(Date.UTC(2025, 2, 3, 10, minute, 0, ms)).toISOString();

export function decision(
  position: number,
  nodeId: string,
  answerId: string,
  over: Partial<StepAnsweredPayload> = {},
): StepAnsweredPayload {
  return {
    type: 'step.answered',
    walkId: WALK_A,
    incidentId: 'inc-1',
    flowchartId: 'gracefield-illegal',
    flowchartTitle: 'Decisions related to an illegal e-safety incident',
    packVersion: '1.0.0',
    position,
    nodeId,
    prompt: `Prompt of ${nodeId}`,
    answerId,
    label: `Label ${answerId}`,
    requiresReason: false,
    reason: '',
    by: 'Dana Lead',
    at: T(0),
    ...over,
  };
}

export function action(
  stepId: string,
  over: Partial<ActionRecordedPayload> = {},
): ActionRecordedPayload {
  return {
    type: 'action.recorded',
    walkId: WALK_A,
    incidentId: 'inc-1',
    flowchartId: 'gracefield-illegal',
    packVersion: '1.0.0',
    nodeId: 'police',
    nodeTitle: 'Illegal material or activity found or suspected',
    stepId,
    text: `Step ${stepId}`,
    status: 'done',
    reason: '',
    by: 'Dana Lead',
    at: T(0),
    recordedBy: 'Dana Lead',
    recordedAt: T(0),
    ...over,
  };
}

export const attach = (walkId: string, incidentId: string): WalkAttachedPayload => ({
  type: 'walk.attached',
  walkId,
  incidentId,
  flowchartId: 'gracefield-illegal',
  by: 'Dana Lead',
  at: T(9),
});

export const created = (incidentId: string) => ({
  type: 'incident.created',
  incidentId,
  recordedAt: T(0),
  recordedBy: 'Sam Teacher',
  fields: { what: 'Something happened', where: 'Gallery 3', category: { id: 'x', label: 'X' } },
});

export const ev = (
  id: string,
  device: string,
  seq: number,
  at: string,
  kind: string,
  payload: unknown,
): ChronologyEvent => ({ id, device, seq, created: at, kind, payload });

/** Ids of the entries of incident `inc`, in chronology order. */
export const order = (events: ChronologyEvent[], inc = 'inc-1') =>
  buildChronology(events)
    .incidents.find((c) => c.incidentId === inc)
    ?.entries.map((e) => e.event.id) ?? [];
