import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, nextDelay, nominalDelay } from '../../../src/sync/backoff.ts';

const S = 1000;
const MIN = 60 * S;

describe('nominalDelay', () => {
  it.each([
    [1, 5 * S],
    [2, 10 * S],
    [3, 20 * S],
    [4, 40 * S],
    [5, 80 * S],
    [6, 160 * S],
    [7, 320 * S],
    [8, 640 * S],
    [9, 15 * MIN], // 1280 s capped at 900 s
    [10, 15 * MIN],
    [1000, 15 * MIN],
    [Infinity, 15 * MIN],
    [0, 5 * S], // before any failure: treated as the first
    [-3, 5 * S],
    [NaN, 5 * S],
    [2.7, 10 * S],
  ])('after %s failed attempts waits %s ms', (attempts, expected) => {
    expect(nominalDelay(attempts)).toBe(expected);
  });
});

describe('nextDelay (jittered)', () => {
  it.each([
    [1, 0, 2.5 * S],
    [1, 0.5, 3.75 * S],
    [1, 0.999999, 5 * S],
    [3, 0, 10 * S],
    [3, 0.25, 12.5 * S],
    [20, 0, 7.5 * MIN],
    [20, 0.999999, 15 * MIN],
  ])('attempt %s with random %s waits %s ms', (attempts, r, expected) => {
    expect(nextDelay(attempts, () => r)).toBeCloseTo(expected, -1);
  });

  it('stays between half and all of the nominal delay, never over 15 minutes', () => {
    for (let attempts = 1; attempts <= 40; attempts++) {
      for (const r of [0, 0.1, 0.5, 0.9, 0.9999]) {
        const d = nextDelay(attempts, () => r);
        expect(d).toBeGreaterThanOrEqual(nominalDelay(attempts) / 2);
        expect(d).toBeLessThanOrEqual(nominalDelay(attempts));
        expect(d).toBeLessThanOrEqual(MAX_DELAY_MS);
      }
    }
  });

  it('clamps a broken random source instead of retrying at once or never', () => {
    expect(nextDelay(1, () => -5)).toBe(BASE_DELAY_MS / 2);
    expect(nextDelay(1, () => 7)).toBe(BASE_DELAY_MS);
    expect(nextDelay(1, () => NaN)).toBe(BASE_DELAY_MS);
  });

  it('grows with attempts until the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => nextDelay(a, () => 0.5));
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
  });
});
