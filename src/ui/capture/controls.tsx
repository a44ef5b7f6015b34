/**
 * Form controls the capture screen needs beyond components/Field.tsx: a select, a checkbox
 * and a disclosure section (a radio group and a date input, used only by the parts that
 * load later, are in controls-more.tsx). Each is labelled and
 * announces its hint and error with it (aria-describedby), and is at least 44px tall.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export function describedBy(id: string, hint?: string, error?: string) {
  return (
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  );
}

export function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e) => {
          // Controlled, like the checkbox below: shown as the record has it until it changes.
          const wanted = e.currentTarget.value;
          e.currentTarget.value = props.value;
          props.onChange(wanted);
        }}
      >
        {props.children}
      </select>
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div class="field">
      <div class="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(e) => {
            // Controlled: the box shows the record, which may refuse the change (a question
            // answered no), so put it back until the record says otherwise.
            const wanted = e.currentTarget.checked;
            e.currentTarget.checked = props.checked;
            props.onChange(wanted);
          }}
        />
        <label for={id}>{props.label}</label>
      </div>
      <HintAndError id={id} hint={props.hint} />
    </div>
  );
}

/**
 * A section whose heading is a button that shows or hides it (the disclosure pattern), so
 * the rarer parts of a record are one tap away without crowding the common path.
 */
export function Disclosure(props: {
  title: string;
  summary: string;
  open: boolean;
  onToggle: () => void;
  children: ComponentChildren;
  problem?: boolean;
}) {
  const id = useId();
  return (
    <section class={`disclosure${props.problem ? ' invalid' : ''}`}>
      <h2>
        <button
          type="button"
          aria-expanded={props.open}
          aria-controls={id}
          onClick={props.onToggle}
        >
          <span aria-hidden="true" class="chevron">
            {props.open ? '▾' : '▸'}
          </span>
          {props.title}
          <span class="summary">{props.summary}</span>
        </button>
      </h2>
      <div id={id} hidden={!props.open}>
        {props.open && props.children}
      </div>
    </section>
  );
}
