/**
 * Retry spacing for uploads that failed: exponential from 5 seconds, doubling per attempt,
 * capped at 15 minutes, with jitter so a classroom of tablets coming back online together
 * does not hit the endpoint in one wave. Jitter keeps 50-100% of the step, so a retry is
 * never sooner than half the nominal delay. Pure: randomness is passed in.
 */

export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** The nominal (un-jittered) delay after `attempts` failed attempts (1 = the first failure). */
export function nominalDelay(attempts: number): number {
  // Clamp the exponent first: the cap is reached at 9 attempts, and 2 ** 1000 is Infinity.
  const n = Number.isNaN(attempts) ? 1 : Math.min(Math.max(1, Math.floor(attempts)), 32);
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (n - 1));
}

/**
 * Milliseconds to wait before the next attempt. `random` returns [0, 1) like Math.random;
 * values outside that range are clamped so a bad source cannot produce a zero or negative wait.
 */
export function nextDelay(attempts: number, random: () => number = Math.random): number {
  const raw = random();
  const r = Number.isNaN(raw) ? 1 : Math.min(Math.max(raw, 0), 1);
  return Math.round(nominalDelay(attempts) * (0.5 + 0.5 * r));
}
