/**
 * Local dates and times as the record keeps them: `YYYY-MM-DDTHH:MM` (what a
 * datetime-local input gives) and `YYYY-MM-DD`. They are the member of staff's wall-clock
 * time, which is what a log of "when it happened" means; the automatic recorded time is UTC.
 */

/** `YYYY-MM-DDTHH:MM` in the device's local time. */
export function localDateTime(d: Date = new Date()): string {
  const shifted = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** `YYYY-MM-DD` in the device's local time. */
export function localDate(d: Date = new Date()): string {
  return localDateTime(d).slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00`);
  return !Number.isNaN(d.getTime()) && localDate(d) === value;
}

/** Midnight at the start of a local date, in ms since the epoch. */
export function startOfLocalDate(value: string): number {
  return new Date(`${value}T00:00`).getTime();
}

/**
 * A plain-English problem with a "when" field, or null: missing, not a date, or more than
 * five minutes in the future (tablet clocks drift a little).
 */
export function dateTimeProblem(
  value: string,
  now: Date,
  missing: string,
  future = 'This cannot be in the future.',
): string | null {
  if (!value.trim()) return missing;
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) return 'Enter a real date and time.';
  if (when.getTime() > now.getTime() + 5 * 60_000) return future;
  return null;
}
