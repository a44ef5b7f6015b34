/**
 * When the upload scheduler tries again after an attempt: a heartbeat after a success,
 * backoff after failures, and, for a minute after the network returns, failed attempts
 * retried soon and in full (every queued record, whatever its own backoff).
 */
import { describe, expect, it } from 'vitest';
import { MAX_DELAY_MS } from '../../../src/sync/backoff.ts';
import {
  HEARTBEAT_MS,
  nextAttempt,
  RECONNECT_WINDOW_MS,
} from '../../../src/ui/sync/next-attempt.ts';

const slowest = () => 0.999_999;

describe('the next upload attempt', () => {
  it('is a heartbeat after a success, with the failure count cleared', () => {
    expect(nextAttempt(4, false, Number.POSITIVE_INFINITY)).toEqual({
      delay: HEARTBEAT_MS,
      force: false,
      failures: 0,
    });
  });

  it('backs off while uploads keep failing, leaving each record to its own backoff', () => {
    const first = nextAttempt(0, true, Number.POSITIVE_INFINITY, slowest);
    const tenth = nextAttempt(9, true, Number.POSITIVE_INFINITY, slowest);
    expect(first).toEqual({ delay: 5_000, force: false, failures: 1 });
    expect(tenth).toEqual({ delay: MAX_DELAY_MS, force: false, failures: 10 });
  });

  it('retries within 5 s, in full, when the first attempt after the network returns fails', () => {
    // The scheduler clears the count when the network returns.
    const next = nextAttempt(0, true, 2_000, slowest);
    expect(next).toEqual({ delay: 5_000, force: true, failures: 1 });
    // Still in full a few failures later, as long as the network came back under a minute ago.
    expect(nextAttempt(2, true, 40_000, slowest)).toMatchObject({ delay: 20_000, force: true });
  });

  it('goes back to each record’s backoff once the network has been back a minute', () => {
    expect(nextAttempt(3, true, RECONNECT_WINDOW_MS, slowest).force).toBe(false);
  });
});
