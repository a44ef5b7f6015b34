/**
 * The policy pack: a school's procedures as data (named roles, contacts, incident
 * categories, flowcharts, scenario guides, rule sets, record forms, retention rules and
 * settings), validated by this zod schema. The TypeScript types are inferred from it, so the
 * schema is the one definition of the format; UI code that needs only the types should
 * `import type` from here and leave zod out of its bundle.
 *
 * A pack passing this schema can still be unusable (an answer leading to a missing node, a
 * step naming a missing contact): `checkPack` in check-pack.ts runs both checks.
 */
import { z } from 'zod';
import {
  CategorySchema,
  MessageSchema,
  RecordFormSchema,
  RetentionRuleSchema,
  RuleSetSchema,
  ScenarioSchema,
} from './content-schema.ts';
import { FlowchartSchema } from './flowchart-schema.ts';
import { IdSchema, TextSchema } from './schema-common.ts';

export * from './content-schema.ts';
export * from './flowchart-schema.ts';
export * from './schema-common.ts';

/** Bumped only when an older app could misread a newer pack. */
export const PACK_FORMAT = 1;

/** The roles every pack must name, because flowcharts and the app route to them. */
export const REQUIRED_ROLES = [
  'head-teacher',
  'dsl',
  'e-safety-coordinator',
  'dpo',
  'information-asset-owner',
] as const;

export const RoleSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  /** The person's name; empty until the school fills it in. */
  person: z.string().trim().max(200),
  /** A deputy names the role it deputises for (deputy DSLs name 'dsl'). */
  deputyOf: IdSchema.optional(),
  notes: TextSchema.optional(),
});

export const ContactSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  /** Empty where the number is local and the school must set it. */
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 ()-]{1,24})?$/, {
      error: 'A phone number uses only digits, spaces and + ( ) -, or is left empty.',
    }),
  url: z
    .string()
    .regex(/^https?:\/\/\S+$/, { error: 'A web address starts with https:// or http://.' })
    .optional(),
  notes: TextSchema.optional(),
});

export const SettingsSchema = z.strictObject({
  /** Lock the app after this long without input. */
  idleLockMinutes: z.number().int().min(1).max(120),
  /** Lock the app when it has been hidden (another app, screen off) this long. */
  hiddenLockSeconds: z.number().int().min(0).max(3600),
  /** The window for reporting a personal-data breach, from the moment the school knew. */
  dataBreachReportingHours: z.number().int().min(1).max(720),
  /** Warn when records have waited this long to be sent. */
  unsentWarningHours: z.number().int().min(1).max(720),
  /** Delete a trip roster this many days after the trip ends. */
  rosterRetentionDays: z.number().int().min(1).max(365),
  protectiveMarkings: z.array(TextSchema).min(1),
  protectiveMarkingDefault: TextSchema,
  /** The largest photo or screenshot a record may hold. */
  maxPhotoBytes: z
    .number()
    .int()
    .min(1)
    .max(50 * 1024 * 1024),
});

export const PolicyPackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  id: IdSchema,
  version: z.string().regex(/^\d+\.\d+(\.\d+)?(-[0-9A-Za-z.-]+)?$/, {
    error: 'A version looks like 1.0 or 2.3.1 (optionally -draft.1 after it).',
  }),
  name: TextSchema,
  school: z.strictObject({
    name: TextSchema,
    roles: z.array(RoleSchema).min(1),
  }),
  contacts: z.array(ContactSchema),
  categories: z.array(CategorySchema).min(1),
  flowcharts: z.array(FlowchartSchema),
  scenarios: z.array(ScenarioSchema),
  ruleSets: z.array(RuleSetSchema),
  recordForms: z.array(RecordFormSchema),
  messages: z.array(MessageSchema),
  retention: z.array(RetentionRuleSchema).min(1),
  settings: SettingsSchema,
});

export type Role = z.infer<typeof RoleSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type PolicyPack = z.infer<typeof PolicyPackSchema>;
