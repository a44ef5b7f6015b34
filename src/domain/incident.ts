/**
 * The incident record as a member of staff first writes it (the spine's minimal form:
 * what happened, when, where, who reported it), its validation, and the payload of the
 * `incident.created` event that carries it to the safeguarding leads.
 */

export interface IncidentFields {
  what: string;
  when: string;
  where: string;
  reportedBy: string;
}

export type FieldErrors = Partial<Record<keyof IncidentFields, string>>;

export const EMPTY_INCIDENT: IncidentFields = { what: '', when: '', where: '', reportedBy: '' };

export const FIELD_LIMITS: Record<keyof IncidentFields, number> = {
  what: 20_000,
  when: 40,
  where: 500,
  reportedBy: 200,
};

/**
 * Returns a plain-English message per invalid field; an empty object means the record can
 * be submitted. Validation never alters or discards what was typed.
 */
export function validateIncident(fields: IncidentFields, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.what.trim()) errors.what = 'Describe what happened.';
  if (!fields.when.trim()) errors.when = 'Give the date and time it happened.';
  else {
    const when = new Date(fields.when);
    if (Number.isNaN(when.getTime())) errors.when = 'Enter a real date and time.';
    else if (when.getTime() > now.getTime() + 5 * 60_000) {
      errors.when = 'The time it happened cannot be in the future.';
    }
  }
  if (!fields.where.trim()) errors.where = 'Say where it happened (for a trip, name the visit).';
  if (!fields.reportedBy.trim()) errors.reportedBy = 'Say who reported it.';
  for (const key of Object.keys(FIELD_LIMITS) as (keyof IncidentFields)[]) {
    if (fields[key].length > FIELD_LIMITS[key]) {
      errors[key] =
        `This is too long: at most ${FIELD_LIMITS[key].toLocaleString('en-GB')} characters.`;
    }
  }
  return errors;
}

export interface IncidentCreatedPayload {
  type: 'incident.created';
  incidentId: string;
  fields: IncidentFields;
  recordedAt: string;
  recordedBy: string;
}

export function isIncidentCreatedPayload(value: unknown): value is IncidentCreatedPayload {
  const v = value as Partial<IncidentCreatedPayload> | null;
  if (typeof v !== 'object' || v === null || v.type !== 'incident.created') return false;
  const f = v.fields as Partial<IncidentFields> | undefined;
  return (
    typeof v.incidentId === 'string' &&
    typeof v.recordedAt === 'string' &&
    typeof v.recordedBy === 'string' &&
    typeof f === 'object' &&
    f !== null &&
    (['what', 'when', 'where', 'reportedBy'] as const).every((k) => typeof f[k] === 'string')
  );
}

/** A short reference a teacher can quote to the DSL without revealing anything. */
export function incidentReference(incidentId: string): string {
  return `ST-${incidentId.slice(-6)}`;
}
