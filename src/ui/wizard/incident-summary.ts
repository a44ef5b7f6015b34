/**
 * What the wizard and chronology show of an incident record. The record's shape grows
 * over versions (and is being extended), so every field is read defensively here.
 */
import type { IncidentChronology } from '../../domain/chronology.ts';
import { incidentReference } from '../../domain/incident.ts';
import type { Flowchart, PolicyPack } from '../../policy/pack-schema.ts';

export interface IncidentSummary {
  incidentId: string;
  reference: string;
  /** False until the `incident.created` record has arrived and opened here. */
  known: boolean;
  what: string;
  where: string;
  categoryId: string | null;
  categoryLabel: string | null;
  recordedBy: string;
  recordedAt: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function summarise(c: IncidentChronology): IncidentSummary {
  const p = c.created?.body.type === 'incident.created' ? c.created.body.payload : null;
  const f = p?.fields ?? {};
  const category = f.category as { id?: unknown; label?: unknown } | null | undefined;
  return {
    incidentId: c.incidentId,
    reference: incidentReference(c.incidentId),
    known: p !== null,
    what: str(f.what),
    where: str(f.where),
    categoryId: typeof category?.id === 'string' ? category.id : null,
    categoryLabel: typeof category?.label === 'string' ? category.label : null,
    recordedBy: str(p?.recordedBy),
    recordedAt: str(p?.recordedAt),
  };
}

/** The flowchart the pack's category suggests for this incident, if any. */
export function suggestedFlowchart(
  pack: PolicyPack,
  categoryId: string | null,
): Flowchart | undefined {
  const id = pack.categories.find((c) => c.id === categoryId)?.flowchart;
  return id ? pack.flowcharts.find((f) => f.id === id) : undefined;
}
