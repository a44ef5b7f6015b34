/**
 * When a device was last seen and last delivered records are shown to the office to the
 * minute, so a time less than a minute old is not written again: a tablet syncing a backlog
 * sends many requests in a row, and each write would be a commit on top of its uploads.
 */
export const ACTIVITY_RESOLUTION_MS = 60_000;

/** True when `last` (ISO time, or null for never) is a minute or more from `now` (ms). */
export function worthRecording(last: string | null, now: number): boolean {
  // A time that does not parse is NaN, which fails the comparison: written.
  const at = last ? Date.parse(last) : NaN;
  return !(Math.abs(now - at) < ACTIVITY_RESOLUTION_MS);
}
