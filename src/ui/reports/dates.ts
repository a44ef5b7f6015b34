/**
 * Date ranges as the reports show them: local `YYYY-MM-DD` days (what a date input gives and
 * what the log and summary filter on), written out the British way for headings.
 */
import { localDate } from '../../domain/datetime.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-09-01` as "1 September 2026" (no Date parsing, so no time-zone surprises). */
export function showDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

/** "1 September 2026 to 31 August 2027", "from …", "up to …" or "all dates". */
export function rangeText(from: string, to: string): string {
  if (from && to) return `${showDay(from)} to ${showDay(to)}`;
  if (from) return `from ${showDay(from)}`;
  if (to) return `up to ${showDay(to)}`;
  return 'all dates';
}

/** The English academic year (1 September to 31 August) containing `today`. */
export function academicYear(today: Date = new Date()): { from: string; to: string } {
  const day = localDate(today);
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** A plain problem with the range, or null. */
export function rangeProblem(from: string, to: string): string | null {
  return from && to && from > to
    ? 'The “From” date is after the “To” date, so nothing is in range. Change one of them.'
    : null;
}
