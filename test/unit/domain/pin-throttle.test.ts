import { describe, expect, it } from 'vitest';
import { pinWaitMs, pinWaitRemaining, wrongPinMessage } from '../../../src/domain/pin-throttle.ts';

describe('wrong-PIN throttling', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [20, 900_000],
  ])('after %i wrong PINs the wait is %i ms', (failed, wait) => {
    expect(pinWaitMs(failed)).toBe(wait);
  });

  it('counts the wait from the last wrong PIN', () => {
    expect(pinWaitRemaining(5, 1_000, 1_000)).toBe(30_000);
    expect(pinWaitRemaining(5, 1_000, 31_000)).toBe(0);
    expect(pinWaitRemaining(5, null, 1_000)).toBe(0);
  });

  it('warns before the wipe and says how long to wait', () => {
    expect(wrongPinMessage(1)).toBe('That PIN is not right (1 wrong try).');
    expect(wrongPinMessage(3)).toMatch(
      /After 7 more wrong PINs, your key and your unsent drafts will be deleted/,
    );
    expect(wrongPinMessage(6)).toMatch(/Wait 1 minute before trying again/);
    expect(wrongPinMessage(9)).toMatch(/After 1 more wrong PIN,/);
  });
});
