/** The radio group and date input, for the parts of the capture screens that load on demand. */
import { useId } from 'preact/hooks';
import { describedBy, HintAndError } from './controls.tsx';

export function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  hint?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset class="field radios" aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      <HintAndError id={id} hint={props.hint} />
      {props.options.map(([value, label]) => (
        <label key={value} class="checkbox">
          <input
            type="radio"
            name={`${props.name}-${id}`}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** A `YYYY-MM-DD` date input (components/Field has no date type). */
export function DateField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const id = useId();
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}
