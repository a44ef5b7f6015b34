import type { TargetedEvent } from 'preact';
import { useId } from 'preact/hooks';
import { rangeProblem } from './dates.ts';

interface DateRangeProps {
  legend: string;
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
  /** A button that puts the range back to its default (e.g. "Show all dates"). */
  resetLabel?: string;
  onReset?: () => void;
}

/** Two labelled date inputs ("From", "To"); either may be left empty for an open end. */
export function DateRange(props: DateRangeProps) {
  const id = useId();
  const problem = rangeProblem(props.from, props.to);
  const set = (which: 'from' | 'to') => (e: TargetedEvent<HTMLInputElement>) =>
    props.onChange({ from: props.from, to: props.to, [which]: e.currentTarget.value });
  return (
    <fieldset class="date-range">
      <legend>{props.legend}</legend>
      <div class="date-range-fields">
        <div class="field">
          <label for={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            value={props.from}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onInput={set('from')}
          />
        </div>
        <div class="field">
          <label for={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={props.to}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onInput={set('to')}
          />
        </div>
        {props.onReset && props.resetLabel && (
          <button type="button" class="secondary" onClick={props.onReset}>
            {props.resetLabel}
          </button>
        )}
      </div>
      {problem && (
        <p class="error" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </fieldset>
  );
}
