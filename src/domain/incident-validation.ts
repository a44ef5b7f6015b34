/**
 * Whether an incident record can be submitted. Returns a plain-English message per invalid
 * field, keyed by the field's path (`what`, `people.<id>.role`, `evidence.devices`...); an
 * empty object means it can be sealed. Validation never alters or discards what was typed.
 * Kept apart from incident.ts so the capture screen loads it only when Submit is pressed.
 */
import { validateActions } from './actions.ts';
import { dateTimeProblem } from './datetime.ts';
import { validateEvidence } from './evidence-validation.ts';
import { FIELD_LIMITS, type IncidentFields } from './incident.ts';
import { validatePeople } from './people.ts';

export function validateIncident(
  fields: IncidentFields,
  now: Date = new Date(),
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!fields.what.trim()) errors.what = 'Describe what happened.';
  const when = dateTimeProblem(
    fields.when,
    now,
    'Give the date and time it happened.',
    'The time it happened cannot be in the future.',
  );
  if (when) errors.when = when;
  if (!fields.where.trim()) errors.where = 'Say where it happened (for a trip, name the visit).';
  if (!fields.reportedBy.trim()) errors.reportedBy = 'Say who reported it.';
  if (fields.told.dslToldVerbally === 'yes') {
    const at = dateTimeProblem(fields.told.dslToldAt, now, 'Say when the DSL was told.');
    if (at) errors['told.dslToldAt'] = at;
  }
  const lengths: [string, string, number][] = [
    ['what', fields.what, FIELD_LIMITS.what],
    ['when', fields.when, FIELD_LIMITS.when],
    ['where', fields.where, FIELD_LIMITS.where],
    ['reportedBy', fields.reportedBy, FIELD_LIMITS.reportedBy],
    ['trip', fields.trip, FIELD_LIMITS.trip],
    ['childWords', fields.childWords, FIELD_LIMITS.childWords],
    ['told.others', fields.told.others, FIELD_LIMITS.others],
    ['told.dslName', fields.told.dslName, FIELD_LIMITS.dslName],
  ];
  for (const [key, value, limit] of lengths) {
    if (value.length > limit) {
      errors[key] = `This is too long: at most ${limit.toLocaleString('en-GB')} characters.`;
    }
  }
  return {
    ...errors,
    ...validatePeople(fields.people),
    ...validateActions(fields.actions, now),
    ...validateEvidence(fields, now),
  };
}
