/**
 * What goes inside an encrypted export bundle, and reading it back. A bundle carries each
 * incident's opened events (payloads with their author, device, verified signer and time)
 * so another DSL console rebuilds the same chronology, log rows and case state with the
 * same pure domain code; and each case's summary as this console worked it out, so a
 * successor reading the decrypted JSON by hand sees where each case stood.
 */
import { summariseCase, type CaseRules, type CaseSummary } from '../../domain/case-state.ts';
import { buildChronology, type IncidentChronology } from '../../domain/chronology.ts';
import type { SignedEvent } from './signature.ts';

export const EXPORT_KIND = 'safetrail-incidents';
/** A bundle with more is refused: no school has this many, so it is damaged or hostile. */
const MAX_EVENTS = 500_000;

export interface ExportedEvent extends SignedEvent {
  /** The endpoint's log position when exported, or null if it had not been sent yet. */
  logIndex: number | null;
}

export interface ExportedIncident {
  incidentId: string;
  reference: string;
  summary: Omit<CaseSummary, 'createdEvent'>;
  events: ExportedEvent[];
}

export interface ExportContents {
  kind: typeof EXPORT_KIND;
  exportedAt: string;
  exportedBy: string;
  school: string;
  /** The date range the export was made for ('' for open-ended). */
  from: string;
  to: string;
  incidents: ExportedIncident[];
}

interface ExportableCase {
  chronology: IncidentChronology<SignedEvent & { logIndex?: number | null }>;
  summary: CaseSummary<SignedEvent>;
}

/** The contents for these cases: everything opened about them, nothing else. */
export function exportContents(
  cases: readonly ExportableCase[],
  meta: { exportedBy: string; school: string; from: string; to: string; now?: Date },
): ExportContents {
  return {
    kind: EXPORT_KIND,
    exportedAt: (meta.now ?? new Date()).toISOString(),
    exportedBy: meta.exportedBy,
    school: meta.school,
    from: meta.from,
    to: meta.to,
    incidents: cases.map(({ chronology, summary }) => {
      const { createdEvent: _created, ...rest } = summary;
      return {
        incidentId: chronology.incidentId,
        reference: summary.reference,
        summary: rest,
        events: chronology.entries.map(({ event: e }) => ({
          id: e.id,
          device: e.device,
          seq: e.seq,
          created: e.created,
          kind: e.kind,
          payload: e.payload,
          deviceName: e.deviceName,
          signer: e.signer,
          logIndex: e.logIndex ?? null,
        })),
      };
    }),
  };
}

export class ExportContentsError extends Error {
  constructor() {
    super('The export opened, but what is inside is not incident records this console can read.');
    this.name = 'ExportContentsError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isExportedEvent(v: unknown): v is ExportedEvent {
  return (
    isObject(v) &&
    isString(v.id) &&
    isString(v.device) &&
    Number.isSafeInteger(v.seq) &&
    isString(v.created) &&
    isString(v.kind) &&
    isString(v.deviceName) &&
    isString(v.signer) &&
    (v.logIndex === null || Number.isSafeInteger(v.logIndex))
  );
}

/**
 * Checks the decrypted contents' shape. Only the envelope of each event is checked here:
 * the payloads go through the same checks as freshly opened records when the chronology is
 * rebuilt, so a malformed one is left out rather than trusted.
 */
export function readExportContents(value: unknown): ExportContents {
  if (
    !isObject(value) ||
    value.kind !== EXPORT_KIND ||
    !isString(value.exportedAt) ||
    !isString(value.exportedBy) ||
    !isString(value.school) ||
    !isString(value.from) ||
    !isString(value.to) ||
    !Array.isArray(value.incidents)
  ) {
    throw new ExportContentsError();
  }
  let count = 0;
  for (const i of value.incidents) {
    if (!isObject(i) || !isString(i.incidentId) || !Array.isArray(i.events)) {
      throw new ExportContentsError();
    }
    count += i.events.length;
    if (count > MAX_EVENTS || !i.events.every(isExportedEvent)) throw new ExportContentsError();
  }
  return value as unknown as ExportContents;
}

/** The cases in an export, rebuilt from its events with this console's rules. */
export function casesOfExport(contents: ExportContents, rules: CaseRules) {
  const events = contents.incidents.flatMap((i) => i.events);
  return buildChronology(events).incidents.map((chronology) => ({
    chronology,
    summary: summariseCase(chronology, rules),
  }));
}
