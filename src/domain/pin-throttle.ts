/**
 * What happens after wrong PINs on a shared tablet: five free tries, then a growing wait
 * (30 s, doubling, at most 15 minutes), and at the tenth that person's key is wiped from
 * the device. Their submitted records are safe (sealed, or already delivered); only their
 * unsent drafts are lost, which the screen says before it happens.
 */
export const FREE_PIN_ATTEMPTS = 5;
export const WIPE_AFTER_ATTEMPTS = 10;

/** How long to wait after `failedAttempts` wrong PINs before the next try is allowed. */
export function pinWaitMs(failedAttempts: number): number {
  if (failedAttempts < FREE_PIN_ATTEMPTS) return 0;
  return Math.min(30_000 * 2 ** (failedAttempts - FREE_PIN_ATTEMPTS), 15 * 60_000);
}

/** Milliseconds until a try is allowed (0 when it is allowed now). */
export function pinWaitRemaining(
  failedAttempts: number,
  lastFailedAt: number | null | undefined,
  now: number,
): number {
  if (!lastFailedAt) return 0;
  return Math.max(0, lastFailedAt + pinWaitMs(failedAttempts) - now);
}

export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The sentence shown after a wrong PIN, including the warning before the wipe. */
export function wrongPinMessage(failedAttempts: number): string {
  const left = WIPE_AFTER_ATTEMPTS - failedAttempts;
  let text = `That PIN is not right (${failedAttempts} wrong ${failedAttempts === 1 ? 'try' : 'tries'}).`;
  if (failedAttempts >= FREE_PIN_ATTEMPTS - 2) {
    text += ` After ${left} more wrong ${left === 1 ? 'PIN' : 'PINs'}, your key and your unsent drafts will be deleted from this tablet (submitted records are safe).`;
  }
  const wait = pinWaitMs(failedAttempts);
  if (wait > 0) text += ` Wait ${describeWait(wait)} before trying again.`;
  return text;
}
