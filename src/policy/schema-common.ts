/**
 * The small shapes every part of a policy pack shares: ids, the citation of a seed policy,
 * and the checklist step (used by flowchart action nodes and by scenario guides alike, so a
 * step recorded as done, or as not done with a reason, looks the same wherever it came from).
 *
 * Objects are strict: an unknown field is reported, because in a pack a school edits by hand
 * an unknown field is nearly always a misspelt known one ("contcat") that would otherwise be
 * silently ignored.
 */
import { z } from 'zod';

/**
 * Ids are stable keys that events (`step.answered`, `action.recorded`) and other parts of the
 * pack refer to, so they are kept to a form that survives URLs, JSON paths and file names.
 */
export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
  error: 'An id uses only lower-case letters, digits and hyphens (at most 64), like "lado".',
});

/** Text a person reads: never empty, never only spaces. */
export const TextSchema = z.string().trim().min(1);

/** Which seed policy (or the school's own policy) a part of the pack transcribes. */
export const POLICIES = ['gracefield', 'whiston', 'belmont', 'odst', 'holywell', 'school'] as const;

export const SourceSchema = z.strictObject({
  policy: z.enum(POLICIES),
  /** The section heading (and line numbers of the seed text, to find it again). */
  section: TextSchema,
  /** The date the source document gives itself, where it gives one. */
  dated: TextSchema.optional(),
});

/**
 * One checklist item. `contact`, `role` and `form` point at the pack's contacts, school roles
 * and record forms, so the wizard can put the phone number or the form one tap away.
 * `mandatory` marks the steps the source policy says must be done (for example "Inform
 * police"); the wizard may still record any step as not done, but only with a reason.
 */
export const StepSchema = z.strictObject({
  id: IdSchema,
  text: TextSchema,
  contact: IdSchema.optional(),
  role: IdSchema.optional(),
  form: IdSchema.optional(),
  mandatory: z.boolean().optional(),
});

export type Id = z.infer<typeof IdSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type PolicyName = (typeof POLICIES)[number];
export type Step = z.infer<typeof StepSchema>;
