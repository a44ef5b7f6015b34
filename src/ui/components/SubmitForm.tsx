import type { ComponentChildren } from 'preact';
import { Notice } from './Notice.tsx';

interface SubmitFormProps {
  onSubmit: (e: Event) => void;
  busy: boolean;
  /** The submit button's words, and what it says while the work runs. */
  label: string;
  busyLabel: string;
  /** Why the last attempt failed, announced above the form; empty when it did not. */
  failure: string;
  failureTitle?: string;
  /** Buttons after the submit button, such as Back. */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * A form card whose fields are checked by the screen rather than the browser (noValidate),
 * so every problem is worded plainly and tied to its field.
 */
export function SubmitForm(props: SubmitFormProps) {
  return (
    <>
      {props.failure && (
        <Notice tone="bad" title={props.failureTitle}>
          {props.failure}
        </Notice>
      )}
      <form class="card" onSubmit={props.onSubmit} noValidate>
        {props.children}
        <div class="actions">
          <button type="submit" disabled={props.busy}>
            {props.busy ? props.busyLabel : props.label}
          </button>
          {props.actions}
        </div>
      </form>
    </>
  );
}
