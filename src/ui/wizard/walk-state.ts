/**
 * The wizard's state as plain data, and the payloads it seals. A walk is rebuilt from its
 * recorded decisions (`replayWalk`), so after a lock, a reload or on another device the DSL
 * resumes where the sealed events say they were: nothing about the walk is kept unsealed.
 */
import {
  actionKey,
  type ActionRecordedPayload,
  type ActionStatus,
  type StepAnsweredPayload,
  type WalkAttachedPayload,
  type WalkRecord,
} from '../../domain/chronology.ts';
import { replayWalk, startWalk, type Walk } from '../../policy/flowchart.ts';
import type { Flowchart, Step } from '../../policy/pack-schema.ts';

/** What every event of one walk shares. */
export interface WalkContext {
  walkId: string;
  incidentId: string | null;
  flowchart: Flowchart;
  packVersion: string;
  /** The DSL using the wizard. */
  dslName: string;
}

export type ActionRecords = Record<string, ActionRecordedPayload>;

export interface Resumed {
  walk: Walk;
  actions: ActionRecords;
  /** Set when the recorded decisions no longer follow this flowchart (the pack changed). */
  problem?: string;
}

/** The walk and checklist records as the sealed events left them (or a fresh walk). */
export function resumeWalk(flowchart: Flowchart, record: WalkRecord | undefined): Resumed {
  if (!record) return { walk: startWalk(flowchart), actions: {} };
  const replayed = replayWalk(
    flowchart,
    record.decisions.map((d) => ({
      nodeId: d.nodeId,
      answerId: d.answerId,
      ...(d.reason ? { reason: d.reason } : {}),
    })),
  );
  if (!replayed.ok) {
    return {
      walk: startWalk(flowchart),
      actions: record.actions,
      problem: `The decisions recorded earlier no longer follow this flowchart (the school’s procedures may have changed): ${replayed.error.message} They stay in the chronology; start again to continue.`,
    };
  }
  return { walk: replayed.walk, actions: record.actions };
}

/** The `step.answered` payload for the decision just added at the end of `after`. */
export function decisionPayload(
  ctx: WalkContext,
  after: Walk,
  meta: { prompt: string; label: string; requiresReason: boolean },
  at: Date,
): StepAnsweredPayload {
  const position = after.decisions.length - 1;
  const decision = after.decisions[position]!;
  return {
    type: 'step.answered',
    walkId: ctx.walkId,
    incidentId: ctx.incidentId,
    flowchartId: ctx.flowchart.id,
    flowchartTitle: ctx.flowchart.title,
    packVersion: ctx.packVersion,
    position,
    nodeId: decision.nodeId,
    prompt: meta.prompt,
    answerId: decision.answerId,
    label: meta.label,
    requiresReason: meta.requiresReason,
    reason: decision.reason ?? '',
    by: ctx.dslName,
    at: at.toISOString(),
  };
}

export interface StepRecordInput {
  status: ActionStatus;
  by: string;
  /** When it was done or decided. */
  at: Date;
  reason: string;
}

/** The `action.recorded` payload for one checklist step. */
export function actionPayload(
  ctx: WalkContext,
  node: { id: string; title: string },
  step: Step,
  input: StepRecordInput,
  now: Date,
): ActionRecordedPayload {
  return {
    type: 'action.recorded',
    walkId: ctx.walkId,
    incidentId: ctx.incidentId,
    flowchartId: ctx.flowchart.id,
    packVersion: ctx.packVersion,
    nodeId: node.id,
    nodeTitle: node.title,
    stepId: step.id,
    text: step.text,
    status: input.status,
    reason: input.reason.trim(),
    by: input.by.trim(),
    at: input.at.toISOString(),
    recordedBy: ctx.dslName,
    recordedAt: now.toISOString(),
  };
}

export function attachPayload(ctx: WalkContext, incidentId: string, at: Date): WalkAttachedPayload {
  return {
    type: 'walk.attached',
    walkId: ctx.walkId,
    incidentId,
    flowchartId: ctx.flowchart.id,
    by: ctx.dslName,
    at: at.toISOString(),
  };
}

/** The steps of a checklist that must be recorded (done, or not done with a reason) first. */
export function unrecordedRequired(nodeId: string, steps: Step[], records: ActionRecords): Step[] {
  return steps.filter((s) => s.mandatory && !records[actionKey(nodeId, s.id)]);
}

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A readable local date and time. */
export function showTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
