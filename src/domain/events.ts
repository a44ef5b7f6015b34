/**
 * The kinds of event an incident's chronology is made of. Records are append-only: a
 * correction is a new event, never an edit, so the kind list is the vocabulary of the log.
 */
export const EVENT_KINDS = [
  'incident.created',
  'incident.amended',
  'evidence.added',
  'step.answered',
  'action.recorded',
  'incident.closed',
  'incident.reopened',
  'incident.erased',
  'key.granted',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && (EVENT_KINDS as readonly string[]).includes(value);
}
