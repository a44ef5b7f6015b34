import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EventKind } from '../../domain/events.ts';
import {
  answer,
  back,
  currentNode,
  pathTaken,
  proceed,
  restart,
  type Walk,
} from '../../policy/flowchart.ts';
import type { Answer, Flowchart, PolicyPack, Step } from '../../policy/pack-schema.ts';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { ActionChecklist } from './ActionChecklist.tsx';
import { EndStep } from './EndStep.tsx';
import { FlowDiagram } from './FlowDiagram.tsx';
import { POLICY_NAMES } from './policy-names.ts';
import { QuestionStep } from './QuestionStep.tsx';
import {
  actionPayload,
  decisionPayload,
  resumeWalk,
  unrecordedRequired,
  type ActionRecords,
  type Resumed,
  type StepRecordInput,
  type WalkContext,
} from './walk-state.ts';

export type RecordEvent = (kind: EventKind, payload: unknown) => Promise<void>;

export interface WalkScreenProps {
  pack: PolicyPack;
  flowchart: Flowchart;
  walkId: string;
  incidentId: string | null;
  /** How the incident is named on screen (its ST- reference). */
  incidentLabel?: string;
  dslName: string;
  /** Where the sealed events left this walk; a fresh walk when absent. */
  initial?: Resumed;
  /** Seals one event (and queues it); rejects if it could not be sealed. */
  record: RecordEvent;
  onContinueWith: (flowchartId: string) => void;
  now?: () => Date;
  /** Under the title: the sending status, the attach panel. */
  children?: ComponentChildren;
  /** Under the outcome: links onwards. */
  atEnd?: ComponentChildren;
}

const KIND_LABEL = { question: 'Question', action: 'Checklist', end: 'Outcome' } as const;

/**
 * One step per screen: a question with large answers, a checklist to record, or the outcome.
 * Each decision and each checklist record is sealed before the screen moves on, so what the
 * DSL sees as decided is exactly what the chronology will hold. "Back" and "Start again"
 * only move the screen: the next answer then replaces the later decisions (the earlier
 * events stay in the chronology, marked as changed).
 */
export function WalkScreen(props: WalkScreenProps) {
  const { pack, flowchart, dslName, record } = props;
  const now = props.now ?? (() => new Date());
  const id = useId();
  const [start] = useState(() => props.initial ?? resumeWalk(flowchart, undefined));
  const [walk, setWalk] = useState<Walk>(start.walk);
  const [records, setRecords] = useState<ActionRecords>(start.actions);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [diagram, setDiagram] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const here = currentNode(walk);
  const ctx: WalkContext = {
    walkId: props.walkId,
    incidentId: props.incidentId,
    flowchart,
    packVersion: pack.version,
    dslName,
  };

  // A new step: move focus to its heading, so keyboard and screen-reader users start there.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [here?.id, walk.decisions.length]);

  const seal = async (kind: EventKind, payload: unknown): Promise<boolean> => {
    setBusy(true);
    setProblem('');
    try {
      await record(kind, payload);
      return true;
    } catch (e) {
      setProblem(`Not recorded: ${plainError(e)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onAnswer = async (a: Answer, reason: string): Promise<string | null> => {
    if (here?.node.kind !== 'question') return null;
    const result = answer(walk, a.id, reason);
    if (!result.ok) return result.error.message;
    const payload = decisionPayload(
      ctx,
      result.walk,
      { prompt: here.node.text, label: a.label, requiresReason: !!a.requiresReason },
      now(),
    );
    if (await seal('step.answered', payload)) setWalk(result.walk);
    return null;
  };

  const onContinue = async () => {
    if (here?.node.kind !== 'action') return;
    const missing = unrecordedRequired(here.id, here.node.steps, records);
    if (missing.length) {
      setProblem(
        `Record each required step as done, or as not done with the reason, before moving on: ${missing.map((s) => s.text).join(' · ')}`,
      );
      return;
    }
    const result = proceed(walk);
    if (!result.ok) return setProblem(result.error.message);
    const payload = decisionPayload(
      ctx,
      result.walk,
      { prompt: here.node.title, label: 'Checklist recorded, moved on', requiresReason: false },
      now(),
    );
    if (await seal('step.answered', payload)) setWalk(result.walk);
  };

  const onRecord = async (step: Step, input: StepRecordInput) => {
    if (here?.node.kind !== 'action') return;
    const payload = actionPayload(ctx, { id: here.id, title: here.node.title }, step, input, now());
    await record('action.recorded', payload);
    setRecords((r) => ({ ...r, [`${here.id}/${step.id}`]: payload }));
  };

  const path = pathTaken(walk);
  const headingId = `${id}-step`;
  return (
    <>
      <h1>{flowchart.title}</h1>
      <p class="muted wizard-meta">
        {props.incidentId
          ? `For incident ${props.incidentLabel ?? props.incidentId}`
          : 'Not attached to an incident yet'}
        {' · '}
        {POLICY_NAMES[flowchart.source.policy]}: {flowchart.source.section}
      </p>
      {props.children}
      {start.problem && <Notice tone="warn">{start.problem}</Notice>}
      {flowchart.notes && flowchart.notes.length > 0 && (
        <details class="wizard-notes">
          <summary>Notes from the policy ({flowchart.notes.length})</summary>
          <ul>
            {flowchart.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      {!here ? (
        <Notice tone="bad" title="This flowchart is broken">
          The current step is missing from the school’s policy pack.
        </Notice>
      ) : (
        <section class="card wizard-step" aria-labelledby={headingId}>
          <p class="wizard-kind">
            {KIND_LABEL[here.node.kind]}
            {here.node.kind !== 'end' ? ` · step ${walk.decisions.length + 1}` : ''}
          </p>
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            {here.node.kind === 'question'
              ? here.node.text
              : here.node.kind === 'action'
                ? here.node.title
                : 'Outcome'}
          </h2>
          {here.node.kind === 'question' && (
            <QuestionStep
              key={`${here.id}-${walk.decisions.length}`}
              node={here.node}
              busy={busy}
              labelledBy={headingId}
              onAnswer={onAnswer}
            />
          )}
          {here.node.kind === 'action' && (
            <>
              {here.node.help && <p class="wizard-help">{here.node.help}</p>}
              <p class="hint">
                Record each step as done, or as not done with the reason. Steps marked Required must
                be recorded before you move on.
              </p>
              <ActionChecklist
                pack={pack}
                nodeId={here.id}
                node={here.node}
                records={records}
                dslName={dslName}
                now={now}
                onRecord={onRecord}
              />
              <div class="actions">
                <button type="button" class="big" disabled={busy} onClick={() => void onContinue()}>
                  Continue to the next step
                </button>
              </div>
            </>
          )}
          {here.node.kind === 'end' && (
            <EndStep
              pack={pack}
              node={here.node}
              walk={walk}
              records={records}
              onContinueWith={props.onContinueWith}
            >
              {props.atEnd}
            </EndStep>
          )}
          {problem && (
            <p class="error wizard-problem" role="alert">
              {problem}
            </p>
          )}
        </section>
      )}
      <div class="actions wizard-controls">
        <button
          type="button"
          class="secondary"
          disabled={busy || walk.decisions.length === 0}
          onClick={() => setWalk(back(walk))}
        >
          ← Back
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy || walk.decisions.length === 0}
          onClick={() => setWalk(restart(walk))}
        >
          Start again
        </button>
        <button
          type="button"
          class="secondary"
          aria-expanded={diagram}
          aria-controls={`${id}-diagram`}
          onClick={() => setDiagram(!diagram)}
        >
          {diagram ? 'Hide the whole flowchart' : 'Show the whole flowchart'}
        </button>
      </div>
      <section class="card wizard-sofar" aria-labelledby={`${id}-sofar`}>
        <h2 id={`${id}-sofar`}>Decided so far</h2>
        {path.length === 0 ? (
          <p class="muted">Nothing yet: this is the first step.</p>
        ) : (
          <ol>
            {path.map((p, i) => (
              <li key={i}>
                {p.kind === 'action' ? (
                  <>Checklist “{p.prompt}”: recorded, moved on</>
                ) : (
                  <>
                    {p.prompt} <strong>✓ {p.label}</strong>
                  </>
                )}
                {p.reason && <span class="wizard-reason"> Reason: {p.reason}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <div id={`${id}-diagram`}>{diagram && <FlowDiagram flowchart={flowchart} walk={walk} />}</div>
    </>
  );
}
