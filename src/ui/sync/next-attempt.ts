/**
 * When the upload scheduler tries next, after an attempt has reported. After a success, a
 * slow heartbeat. After a failure, backoff with jitter (sync/backoff.ts); such a timed try
 * normally respects each record's own backoff, so records that failed often wait longer.
 *
 * Except just after the browser says the network is back: a connection often needs a few
 * seconds more to carry anything (the wifi joined but the address not yet given, a
 * captive portal), so the first attempt can fail although the next would not. For a
 * minute after that, a failed attempt is tried again soon and in full, as the returning
 * network's own attempt was, instead of leaving records that failed on the trip to wait
 * out their backoff (up to 15 minutes).
 */
import { nextDelay } from '../../sync/backoff.ts';

export const HEARTBEAT_MS = 2 * 60_000;
export const RECONNECT_WINDOW_MS = 60_000;

export interface NextAttempt {
  /** Milliseconds from now. */
  delay: number;
  /** True to try every queued record, whatever its own backoff. */
  force: boolean;
  /** Failed attempts in a row, counting this one. */
  failures: number;
}

/**
 * `failures` is the count before this report; `sinceOnline` is how long ago the browser
 * last said the network was back (Infinity if it has not since the page opened).
 */
export function nextAttempt(
  failures: number,
  failed: boolean,
  sinceOnline: number,
  random: () => number = Math.random,
): NextAttempt {
  if (!failed) return { delay: HEARTBEAT_MS, force: false, failures: 0 };
  const count = failures + 1;
  return {
    delay: nextDelay(count, random),
    force: sinceOnline < RECONNECT_WINDOW_MS,
    failures: count,
  };
}
