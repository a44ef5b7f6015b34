import { useId } from 'preact/hooks';

export interface WorkProgressValue {
  label: string;
  done: number;
  /** 0 when the size of the work is not known yet (the bar is then indeterminate). */
  total: number;
}

const n = (value: number) => value.toLocaleString('en-GB');

/** "Opening records: 200 of 3,000", "Fetching new records: 120 so far", or the label alone. */
export function progressText(p: WorkProgressValue): string {
  if (p.total > 0) return `${p.label}: ${n(Math.min(p.done, p.total))} of ${n(p.total)}`;
  if (p.done > 0) return `${p.label}: ${n(p.done)} so far`;
  return `${p.label}…`;
}

/**
 * A progress bar for long work (pulling and opening thousands of records, building an
 * export), labelled, with the same words as text for screen readers (role=status) and for
 * anyone who cannot judge a bar's length. `progress` null means busy with nothing to count.
 */
export function WorkProgress({
  progress,
  label = 'Working',
}: {
  progress: WorkProgressValue | null;
  label?: string;
}) {
  const id = useId();
  const p = progress ?? { label, done: 0, total: 0 };
  const known = p.total > 0;
  return (
    <div class="work-progress">
      <label for={id}>{p.label}</label>
      {/* Keyed by mode: Preact never removes a `value` once set, which would stop the bar
          from going back to indeterminate. */}
      <progress
        key={known ? 'known' : 'unknown'}
        id={id}
        max={known ? p.total : undefined}
        value={known ? Math.min(p.done, p.total) : undefined}
      />
      <p role="status" class="muted">
        {progressText(p)}
      </p>
    </div>
  );
}
