/**
 * The incident's chronology, as KCSIE asks for it: every concern, decision (with its reason)
 * and action (who, when, or why not) in one order that every DSL device agrees on.
 *
 * The payloads and their checks are chronology-events.ts (re-exported here); this module
 * owns `buildChronology`, the pure merge: the union of events
 * from any number of devices, de-duplicated by event id, ordered by (created, device, seq),
 * grouped per incident. Nothing is edited in place: a changed answer (after "Back") is a new
 * `step.answered` at an earlier `position`, and a corrected checklist item is a new
 * `action.recorded`; both keep the earlier event in the chronology, marked as superseded.
 *
 * A walk started without an incident carries `incidentId: null`; a `walk.attached` payload,
 * sealed under the `step.answered` kind (so the endpoint learns no new event kind), later
 * joins all of that walk's events to an incident.
 */
import {
  isActionRecordedPayload,
  isIncidentCreatedLike,
  isStepAnsweredPayload,
  isWalkAttachedPayload,
  type ActionRecordedPayload,
  type IncidentCreatedLike,
  type StepAnsweredPayload,
  type WalkAttachedPayload,
} from './chronology-events.ts';
import {
  isCaseEventPayload,
  isIncidentErasedPayload,
  type CaseEventPayload,
  type IncidentErasedPayload,
} from './case-events.ts';

export * from './chronology-events.ts';

/** An opened event: its envelope header's ordering fields and its payload. */
export interface ChronologyEvent {
  /** The envelope id (a ULID; the upload idempotency key). */
  id: string;
  device: string;
  seq: number;
  /** The envelope's `created` time (ISO 8601), set by the device that sealed it. */
  created: string;
  kind: string;
  payload: unknown;
}

export type EntryBody =
  | { type: 'incident.created'; payload: IncidentCreatedLike }
  | { type: 'step.answered'; payload: StepAnsweredPayload; superseded: boolean }
  | { type: 'walk.attached'; payload: WalkAttachedPayload }
  | { type: 'action.recorded'; payload: ActionRecordedPayload; superseded: boolean }
  | { type: 'case'; payload: CaseEventPayload };

export interface ChronologyEntry<E extends ChronologyEvent = ChronologyEvent> {
  event: E;
  body: EntryBody;
}

/** One walk through one flowchart, as it stands after every event about it. */
export interface WalkRecord {
  walkId: string;
  flowchartId: string;
  flowchartTitle: string;
  /** The incident (from its events, or the latest attachment), or null. */
  incidentId: string | null;
  /** The decisions on the current path, in path order. */
  decisions: StepAnsweredPayload[];
  /** The latest record of each step, keyed `nodeId/stepId`. */
  actions: Record<string, ActionRecordedPayload>;
  startedAt: string;
  lastAt: string;
}

export interface IncidentChronology<E extends ChronologyEvent = ChronologyEvent> {
  incidentId: string;
  /** The `incident.created` entry, or null if it has not arrived (or cannot be opened). */
  created: ChronologyEntry<E> | null;
  entries: ChronologyEntry<E>[];
  walks: WalkRecord[];
}

export interface ChronologyResult<E extends ChronologyEvent = ChronologyEvent> {
  /** Incidents in the order they were first recorded. */
  incidents: IncidentChronology<E>[];
  /** Walks not (yet) attached to an incident, with their entries. */
  unattached: { walk: WalkRecord; entries: ChronologyEntry<E>[] }[];
  /** Events of a chronology kind whose payload failed its check: shown, never merged. */
  rejected: { event: E; problem: string }[];
  /**
   * Records deleted at the end of their retention period: the deletion outlives them.
   * `held` are the record's events still on this device (until the endpoint's erasure of
   * them has been pulled): what is left to erase.
   */
  erased: { event: E; payload: IncidentErasedPayload; held: E[] }[];
}

/** The key of a step within a walk, for `WalkRecord.actions`. */
export const actionKey = (nodeId: string, stepId: string) => `${nodeId}/${stepId}`;

const timeOf = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order every device agrees on: created time, then device id, then sequence. */
export function compareEvents(a: ChronologyEvent, b: ChronologyEvent): number {
  return (
    timeOf(a.created) - timeOf(b.created) ||
    cmp(a.created, b.created) ||
    cmp(a.device, b.device) ||
    a.seq - b.seq ||
    cmp(a.id, b.id)
  );
}

const CASE_TYPES: ReadonlySet<unknown> = new Set([
  'case.note',
  'case.action',
  'case.decision',
  'case.amendment',
  'incident.closed',
  'incident.reopened',
]);

function classify(event: ChronologyEvent): EntryBody | string | null {
  const p = event.payload;
  if (CASE_TYPES.has((p as { type?: unknown } | null)?.type)) {
    return isCaseEventPayload(event.kind, p)
      ? { type: 'case', payload: p }
      : 'A note, action, decision or closure that is incomplete or missing its reason.';
  }
  switch (event.kind) {
    case 'incident.created':
      return isIncidentCreatedLike(p) ? { type: 'incident.created', payload: p } : null;
    case 'step.answered':
      if (isStepAnsweredPayload(p)) return { type: 'step.answered', payload: p, superseded: false };
      if (isWalkAttachedPayload(p)) return { type: 'walk.attached', payload: p };
      return 'A flowchart decision that is incomplete or missing its required reason.';
    case 'action.recorded':
      return isActionRecordedPayload(p)
        ? { type: 'action.recorded', payload: p, superseded: false }
        : 'A checklist record that is incomplete, or not done without a reason.';
    default:
      return null; // photos, key grants and later kinds are not chronology entries here
  }
}

/**
 * Merges opened events from any devices into per-incident chronologies. Pure: the same set
 * of events, in any order and with any duplicates, gives the same result.
 */
export function buildChronology<E extends ChronologyEvent>(
  events: readonly E[],
): ChronologyResult<E> {
  const unique = new Map<string, E>();
  for (const e of events) if (!unique.has(e.id)) unique.set(e.id, e);
  const ordered = [...unique.values()].sort(compareEvents);

  const entries: ChronologyEntry<E>[] = [];
  const rejected: { event: E; problem: string }[] = [];
  const erased: { event: E; payload: IncidentErasedPayload; held: E[] }[] = [];
  for (const event of ordered) {
    if (event.kind === 'incident.erased') {
      if (isIncidentErasedPayload(event.payload)) {
        erased.push({ event, payload: event.payload, held: [] });
      } else rejected.push({ event, problem: 'A record of a deletion that is incomplete.' });
      continue;
    }
    const body = classify(event);
    if (typeof body === 'string') rejected.push({ event, problem: body });
    else if (body) entries.push({ event, body });
  }

  // Walks: the current path (a decision at position p replaces those at p and after), the
  // latest record of each step, and the incident they belong to.
  const walks = new Map<string, WalkRecord>();
  const current = new Map<string, ChronologyEntry<E>[]>();
  const latestAction = new Map<string, ChronologyEntry<E>>();
  const walkOf = (p: { walkId: string; flowchartId: string }, at: string) => {
    let w = walks.get(p.walkId);
    if (!w) {
      w = {
        walkId: p.walkId,
        flowchartId: p.flowchartId,
        flowchartTitle: '',
        incidentId: null,
        decisions: [],
        actions: {},
        startedAt: at,
        lastAt: at,
      };
      walks.set(p.walkId, w);
    }
    w.lastAt = at;
    return w;
  };
  for (const entry of entries) {
    const { body } = entry;
    if (body.type === 'incident.created' || body.type === 'case') continue;
    const p = body.payload;
    const w = walkOf(p, entry.event.created);
    if (body.type === 'walk.attached') {
      w.incidentId = body.payload.incidentId;
    } else if (body.type === 'step.answered') {
      w.flowchartTitle ||= body.payload.flowchartTitle;
      w.incidentId ??= body.payload.incidentId;
      const path = current.get(w.walkId) ?? [];
      const position = body.payload.position;
      for (const old of path) {
        if (old.body.type === 'step.answered' && old.body.payload.position >= position) {
          old.body.superseded = true;
        }
      }
      const kept = path.filter(
        (old) => old.body.type === 'step.answered' && old.body.payload.position < position,
      );
      current.set(w.walkId, [...kept, entry]);
    } else {
      w.incidentId ??= body.payload.incidentId;
      const key = `${w.walkId}\u0000${actionKey(body.payload.nodeId, body.payload.stepId)}`;
      const before = latestAction.get(key);
      if (before?.body.type === 'action.recorded') before.body.superseded = true;
      latestAction.set(key, entry);
    }
  }
  for (const [walkId, path] of current) {
    const w = walks.get(walkId)!;
    w.decisions = path.flatMap((e) => (e.body.type === 'step.answered' ? [e.body.payload] : []));
  }
  for (const entry of latestAction.values()) {
    if (entry.body.type !== 'action.recorded') continue;
    const p = entry.body.payload;
    walks.get(p.walkId)!.actions[actionKey(p.nodeId, p.stepId)] = p;
  }

  // Group per incident: an entry belongs to its incident, or to its walk's incident.
  const incidents = new Map<string, IncidentChronology<E>>();
  const incident = (id: string) => {
    let c = incidents.get(id);
    if (!c) incidents.set(id, (c = { incidentId: id, created: null, entries: [], walks: [] }));
    return c;
  };
  const loose = new Map<string, ChronologyEntry<E>[]>();
  for (const entry of entries) {
    const { body } = entry;
    if (body.type === 'incident.created') {
      const c = incident(body.payload.incidentId);
      c.created ??= entry;
      c.entries.push(entry);
      continue;
    }
    if (body.type === 'case') {
      incident(body.payload.incidentId).entries.push(entry);
      continue;
    }
    const target = walks.get(body.payload.walkId)?.incidentId ?? null;
    if (target) incident(target).entries.push(entry);
    else loose.set(body.payload.walkId, [...(loose.get(body.payload.walkId) ?? []), entry]);
  }
  for (const w of walks.values()) if (w.incidentId) incident(w.incidentId).walks.push(w);

  // A deleted record stays deleted, whatever copies of its events a device still holds.
  for (const e of erased) {
    e.held = incidents.get(e.payload.incidentId)?.entries.map((x) => x.event) ?? [];
    incidents.delete(e.payload.incidentId);
  }

  const firstAt = (c: IncidentChronology<E>) => c.created?.event ?? c.entries[0]!.event;
  return {
    erased,
    incidents: [...incidents.values()].sort((a, b) => compareEvents(firstAt(a), firstAt(b))),
    unattached: [...loose].map(([walkId, list]) => ({ walk: walks.get(walkId)!, entries: list })),
    rejected,
  };
}
