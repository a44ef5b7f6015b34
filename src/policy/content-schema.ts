/**
 * The reading parts of a policy pack: incident categories, "what we do if" scenario guides,
 * rule sets (pupil rules, posters and acceptable-use agreements), record forms, key messages
 * and retention rules. Each cites the seed policy it transcribes, so a DSL can check the
 * app's wording against the school's own document.
 */
import { z } from 'zod';
import { IdSchema, SourceSchema, StepSchema, TextSchema } from './schema-common.ts';

/** The four areas of online risk (Belmont, "the main areas of risk"). */
export const RISK_AREAS = ['content', 'contact', 'conduct', 'commerce'] as const;

/**
 * What a category implies for the record: `suspectedIllegal` turns on the illegal-content
 * guard (no images may be attached), `dataBreach` sends it to the DPO and may start the
 * reporting clock, `staffInvolved` routes it to the head teacher (or above) and the LADO.
 */
export const CATEGORY_FLAGS = ['suspectedIllegal', 'dataBreach', 'staffInvolved'] as const;

export const CategorySchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  /**
   * Null where the seeds do not place the incident in the four Cs (data-security incidents
   * such as a virus or lost equipment); the app must not invent a placement.
   */
  risk: z.enum(RISK_AREAS).nullable(),
  description: TextSchema,
  source: SourceSchema,
  alsoFrom: z.array(SourceSchema).optional(),
  /** The flowchart a wizard started from an incident of this category opens first. */
  flowchart: IdSchema.optional(),
  scenarios: z.array(IdSchema).optional(),
  flags: z.array(z.enum(CATEGORY_FLAGS)),
});

export const ScenarioStepSchema = StepSchema.extend({
  substeps: z.array(StepSchema).optional(),
});

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  /** The situation, in the source's words ("An inappropriate website is accessed..."). */
  title: TextSchema,
  source: SourceSchema,
  alsoFrom: z.array(SourceSchema).optional(),
  /** Numbered in the order given. */
  steps: z.array(ScenarioStepSchema).min(1),
  contacts: z.array(IdSchema),
  categories: z.array(IdSchema),
  notes: z.array(TextSchema).optional(),
});

export const AUDIENCES = [
  'eyfs-ks1',
  'ks2',
  'ks3+',
  'staff',
  'visitors',
  'parents',
  'community',
] as const;

export const RULE_SET_FORMS = ['agreement', 'poster', 'code-of-conduct', 'guidance'] as const;

export const RuleSchema = z.strictObject({
  id: IdSchema,
  /** A rule's own heading where the source gives one ("I learn online"). */
  title: TextSchema.optional(),
  text: TextSchema,
  /** The heading the rule sits under in the source ("Passwords: don't"). */
  group: TextSchema.optional(),
});

export const RuleSetSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  audience: z.enum(AUDIENCES),
  /** Further audiences the source addresses (ODST's older-pupil agreement is "KS2/3"). */
  alsoFor: z.array(z.enum(AUDIENCES)).optional(),
  form: z.enum(RULE_SET_FORMS),
  source: SourceSchema,
  version: TextSchema,
  intro: TextSchema.optional(),
  rules: z.array(RuleSchema).min(1),
  closing: TextSchema.optional(),
  /** Printed under the rules, each followed by a line to write on. */
  signatureLines: z.array(TextSchema).optional(),
});

export const FIELD_TYPES = [
  'text',
  'longtext',
  'date',
  'time',
  'signature',
  'choice',
  // Web addresses are recorded as text and never opened or fetched.
  'url',
] as const;

export const FormFieldSchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  type: z.enum(FIELD_TYPES),
  help: TextSchema.optional(),
  options: z.array(TextSchema).optional(),
});

export const FormSectionSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema.optional(),
  /** A table in the source: the fields are its columns and the person adds rows. */
  repeating: z.boolean().optional(),
  fields: z.array(FormFieldSchema).min(1),
});

export const RecordFormSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  source: SourceSchema,
  alsoFrom: z.array(SourceSchema).optional(),
  purpose: TextSchema.optional(),
  sections: z.array(FormSectionSchema).min(1),
});

/** A standing message the app shows where it applies (the no-blame reporting culture, ...). */
export const MessageSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  text: TextSchema,
  source: SourceSchema,
});

export const RETENTION_SCOPES = ['default', 'category', 'record-form', 'other'] as const;

export const RetentionRuleSchema = z.strictObject({
  id: IdSchema,
  scope: z.enum(RETENTION_SCOPES),
  /** The category or record form id for those scopes; a short name for 'other'. */
  ref: IdSchema.optional(),
  /** Null where no period is given: the school must set one. */
  years: z.number().nonnegative().nullable(),
  description: TextSchema,
  /** 'from-seed' only where the wording is in a seed policy; otherwise the school confirms. */
  status: z.enum(['from-seed', 'school-to-confirm']),
  source: SourceSchema.optional(),
});

export type RiskArea = (typeof RISK_AREAS)[number];
export type CategoryFlag = (typeof CATEGORY_FLAGS)[number];
export type Category = z.infer<typeof CategorySchema>;
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Audience = (typeof AUDIENCES)[number];
export type RuleSetForm = (typeof RULE_SET_FORMS)[number];
export type Rule = z.infer<typeof RuleSchema>;
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type FormField = z.infer<typeof FormFieldSchema>;
export type FormSection = z.infer<typeof FormSectionSchema>;
export type RecordForm = z.infer<typeof RecordFormSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;
