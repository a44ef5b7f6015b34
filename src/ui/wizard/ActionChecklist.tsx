import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  actionKey,
  type ActionRecordedPayload,
  type ActionStatus,
} from '../../domain/chronology.ts';
import type { ActionNode, PolicyPack, Step } from '../../policy/pack-schema.ts';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { StepRefs } from './StepRefs.tsx';
import {
  localInputValue,
  showTime,
  type ActionRecords,
  type StepRecordInput,
} from './walk-state.ts';

export interface ChecklistProps {
  pack: PolicyPack;
  nodeId: string;
  node: ActionNode;
  records: ActionRecords;
  dslName: string;
  now: () => Date;
  /** Seals the record; rejects with a message the screen shows. */
  onRecord: (step: Step, input: StepRecordInput) => Promise<void>;
}

/** An action node's steps, each recorded as done (who, when) or not done (why). */
export function ActionChecklist(props: ChecklistProps) {
  return (
    <ol class="wizard-checklist">
      {props.node.steps.map((step, i) => (
        <li key={step.id}>
          <StepItem
            {...props}
            step={step}
            number={i + 1}
            record={props.records[actionKey(props.nodeId, step.id)]}
          />
        </li>
      ))}
    </ol>
  );
}

type Mode = ActionStatus | null;

function StepItem({
  pack,
  step,
  number,
  record,
  dslName,
  now,
  onRecord,
}: ChecklistProps & { step: Step; number: number; record: ActionRecordedPayload | undefined }) {
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [by, setBy] = useState(dslName);
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const focusSummary = useRef(false);

  useLayoutEffect(() => {
    if (mode) formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [mode]);
  useLayoutEffect(() => {
    if (focusSummary.current && record) {
      focusSummary.current = false;
      summaryRef.current?.focus();
    }
  }, [record]);

  const open = (next: ActionStatus) => {
    setMode(next);
    setBy(record?.by ?? dslName);
    setWhen(localInputValue(now()));
    setReason(next === 'not-done' && record?.status === 'not-done' ? record.reason : '');
    setErrors({});
    setFailure('');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!mode) return;
    const at = new Date(when);
    const next: Record<string, string> = {};
    if (!by.trim()) next.by = mode === 'done' ? 'Say who did it.' : 'Say who decided.';
    if (Number.isNaN(at.getTime())) next.when = 'Enter the date and time.';
    if (mode === 'not-done' && !reason.trim()) {
      next.reason = 'Say why this step was not done: the record must show the reason.';
    }
    setErrors(next);
    if (Object.keys(next).length) {
      const first = Object.keys(next)[0];
      formRef.current
        ?.querySelector<HTMLElement>(
          `[data-field="${first}"] input, [data-field="${first}"] textarea`,
        )
        ?.focus();
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      await onRecord(step, { status: mode, by, at, reason });
      focusSummary.current = true;
      setMode(null);
      setChanging(false);
    } catch (err) {
      setFailure(plainError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="wizard-stepitem" role="group" aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`} class="wizard-steptext">
        <span class="wizard-stepnum">{number}.</span> {step.text}
        {step.mandatory && <span class="status-pill warn wizard-required">Required</span>}
      </p>
      <StepRefs pack={pack} step={step} />
      {record && (
        <p
          ref={summaryRef}
          tabIndex={-1}
          class={`wizard-record ${record.status}`}
          data-testid="step-record"
        >
          {record.status === 'done' ? (
            <>
              <span aria-hidden="true">✓ </span>
              <strong>Done</strong> by {record.by}, {showTime(record.at)}
            </>
          ) : (
            <>
              <span aria-hidden="true">✗ </span>
              <strong>Not done:</strong> {record.reason} ({record.by}, {showTime(record.at)})
            </>
          )}
        </p>
      )}
      {!mode && record && !changing && (
        <button type="button" class="secondary" onClick={() => setChanging(true)}>
          Change this record
        </button>
      )}
      {!mode && (!record || changing) && (
        <div class="actions wizard-stepbuttons">
          <button type="button" onClick={() => open('done')}>
            Done
          </button>
          <button type="button" class="secondary" onClick={() => open('not-done')}>
            Not done
          </button>
        </div>
      )}
      {mode && (
        <form ref={formRef} class="wizard-stepform" onSubmit={submit} noValidate>
          {mode === 'not-done' && (
            <div data-field="reason">
              <Field
                label="Why was it not done?"
                hint="Required: a step not done must say why."
                multiline
                value={reason}
                onInput={setReason}
                error={errors.reason}
                required
                maxLength={5000}
              />
            </div>
          )}
          <div data-field="by">
            <Field
              label={mode === 'done' ? 'Done by' : 'Decided by'}
              value={by}
              onInput={setBy}
              error={errors.by}
              autoComplete="off"
              maxLength={200}
            />
          </div>
          <div data-field="when">
            <Field
              label={mode === 'done' ? 'When it was done' : 'When it was decided'}
              type="datetime-local"
              value={when}
              onInput={setWhen}
              error={errors.when}
            />
          </div>
          {failure && (
            <p class="error" role="alert">
              {failure}
            </p>
          )}
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Sealing…' : mode === 'done' ? 'Record as done' : 'Record as not done'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setMode(null);
                setChanging(false);
              }}
              disabled={busy}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
