/**
 * The shape of a flowchart: a graph of question, action and end nodes kept in an object keyed
 * by node id, so an error can be reported at a readable path such as
 * `$.flowcharts[2].nodes.n4.answers[1].next`.
 *
 * The schema only checks each node's shape. Whether the nodes form a usable graph (the start
 * exists, every node is reachable, every answer leads somewhere, an end can always be
 * reached) is the checker's job (graph-check.ts), because those errors need the whole graph.
 */
import { z } from 'zod';
import { IdSchema, SourceSchema, StepSchema, TextSchema } from './schema-common.ts';

export const AnswerSchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  /** The node this answer leads to. */
  next: IdSchema,
  /**
   * Choosing this answer is a decision not to refer or not to act, so the person must say
   * why: KCSIE expects decisions and the reasons for them to be written down.
   */
  requiresReason: z.boolean().optional(),
});

export const QuestionNodeSchema = z.strictObject({
  kind: z.literal('question'),
  text: TextSchema,
  help: TextSchema.optional(),
  /** May be empty as far as the schema goes; the checker reports it as a dead end. */
  answers: z.array(AnswerSchema),
});

/** Timers an action node can start on the incident (shown from the moment of awareness). */
export const CLOCKS = ['data-breach-reporting'] as const;

export const ActionNodeSchema = z.strictObject({
  kind: z.literal('action'),
  title: TextSchema,
  help: TextSchema.optional(),
  steps: z.array(StepSchema).min(1),
  /** Optional for the schema; the checker reports an action without one as a dead end. */
  next: IdSchema.optional(),
  /** Reaching this node starts the named clock (settings say how long it runs). */
  clock: z.enum(CLOCKS).optional(),
});

export const EndNodeSchema = z.strictObject({
  kind: z.literal('end'),
  outcome: TextSchema,
  /** The flowchart the source policy says to follow next, if any. */
  continueWith: IdSchema.optional(),
  /** "What we do if?" guides that apply from here. */
  scenarios: z.array(IdSchema).optional(),
});

export const FlowNodeSchema = z.discriminatedUnion('kind', [
  QuestionNodeSchema,
  ActionNodeSchema,
  EndNodeSchema,
]);

export const FlowchartSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  /** Who the source policy says uses it, e.g. "Head teacher, senior leaders, E-Safety Coordinator". */
  for: TextSchema.optional(),
  description: TextSchema.optional(),
  source: SourceSchema,
  alsoFrom: z.array(SourceSchema).optional(),
  /** Messages the source prints beside the chart, shown with every node. */
  notes: z.array(TextSchema).optional(),
  start: IdSchema,
  nodes: z.record(IdSchema, FlowNodeSchema),
});

export type Answer = z.infer<typeof AnswerSchema>;
export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type ActionNode = z.infer<typeof ActionNodeSchema>;
export type EndNode = z.infer<typeof EndNodeSchema>;
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type Flowchart = z.infer<typeof FlowchartSchema>;
export type Clock = (typeof CLOCKS)[number];
