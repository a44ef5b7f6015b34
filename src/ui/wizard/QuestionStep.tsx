import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Answer, QuestionNode } from '../../policy/pack-schema.ts';
import { Field } from '../components/Field.tsx';

export interface QuestionStepProps {
  node: QuestionNode;
  busy: boolean;
  /** The id of the question's heading, which names the group of answers. */
  labelledBy: string;
  /** Tries the answer; resolves to the refusal message, or null when it was recorded. */
  onAnswer: (answer: Answer, reason: string) => Promise<string | null>;
}

/**
 * One question with its answers as large buttons. An answer that is a decision not to refer
 * or act opens a reason box first: it cannot be recorded without one.
 */
export function QuestionStep({ node, busy, labelledBy, onAnswer }: QuestionStepProps) {
  const id = useId();
  const [pending, setPending] = useState<Answer | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const reasonBox = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (pending) reasonBox.current?.querySelector('textarea')?.focus();
  }, [pending]);

  const choose = async (a: Answer) => {
    if (a.requiresReason) {
      setPending(a);
      setReason('');
      setError('');
      return;
    }
    setPending(null);
    await onAnswer(a, '');
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!pending) return;
    const refused = await onAnswer(pending, reason);
    if (refused) {
      setError(refused);
      reasonBox.current?.querySelector('textarea')?.focus();
    }
  };

  return (
    <>
      {node.help && <p class="wizard-help">{node.help}</p>}
      <div class="wizard-answers" role="group" aria-labelledby={labelledBy}>
        {node.answers.map((a) => (
          <button
            key={a.id}
            type="button"
            class={`wizard-answer${pending?.id === a.id ? ' chosen' : ''}`}
            disabled={busy}
            onClick={() => void choose(a)}
          >
            <span>{a.label}</span>
            {a.requiresReason && <span class="wizard-needs-reason">Reason required</span>}
          </button>
        ))}
      </div>
      {pending && (
        <form
          class="wizard-pending"
          onSubmit={confirm}
          noValidate
          aria-labelledby={`${id}-pending`}
        >
          <p id={`${id}-pending`}>
            <strong>You chose: {pending.label}.</strong> This is a decision not to refer or act, so
            the record must say why.
          </p>
          <div ref={reasonBox}>
            <Field
              label="Reason for this decision"
              multiline
              value={reason}
              onInput={setReason}
              error={error || undefined}
              required
              maxLength={5000}
            />
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Sealing…' : 'Record this decision'}
            </button>
            <button type="button" class="secondary" onClick={() => setPending(null)}>
              Choose a different answer
            </button>
          </div>
        </form>
      )}
    </>
  );
}
