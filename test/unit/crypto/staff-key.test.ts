import { beforeAll, describe, expect, it } from 'vitest';
import { createDraftKey, openDraftKey } from '../../../src/crypto/draft-seal.ts';
import {
  bindStaffKeyToDevice,
  createStaffKey,
  generateDeviceVaultKey,
  isDeviceBound,
  unlockStaffKey,
  WrongDeviceError,
  WrongSecretError,
  type WrappedStaffKey,
} from '../../../src/crypto/staff-key.ts';

const FAST = 1_000;
const PIN = '482915';
let deviceKey: CryptoKey;
let otherDevice: CryptoKey;

beforeAll(async () => {
  [deviceKey, otherDevice] = await Promise.all([
    generateDeviceVaultKey(),
    generateDeviceVaultKey(),
  ]);
});

/** True if `key` opens a draft key wrapped under `expected`: the same staff key. */
async function sameKey(key: CryptoKey, expected: CryptoKey): Promise<boolean> {
  const draft = await createDraftKey('d1', expected);
  return openDraftKey('d1', key, draft.wrappedKey).then(
    () => true,
    () => false,
  );
}

describe('the device vault key', () => {
  it('is AES-256-GCM and can never be exported', async () => {
    expect(deviceKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(deviceKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', deviceKey)).rejects.toThrow();
  });

  it('an extractable key is refused as a device key', async () => {
    const weak = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
      'encrypt',
      'decrypt',
    ]);
    await expect(createStaffKey('p1', PIN, FAST, weak)).rejects.toThrow(/non-extractable/);
  });
});

type Outcome = 'opens' | typeof WrongSecretError | typeof WrongDeviceError;
const D = 'this device';
const X = 'another device';
const NONE = 'no device key';

describe('PIN and device layers', () => {
  const table: [made: string, unlockWith: string, pin: string, outcome: Outcome][] = [
    [D, D, PIN, 'opens'],
    [D, D, '000000', WrongSecretError],
    [D, X, PIN, WrongDeviceError],
    [D, X, '000000', WrongDeviceError],
    [D, NONE, PIN, WrongDeviceError],
    [NONE, NONE, PIN, 'opens'],
    [NONE, NONE, '000000', WrongSecretError],
    // Profiles made before the device layer still unlock; the app then re-binds them.
    [NONE, D, PIN, 'opens'],
    [NONE, D, '000000', WrongSecretError],
  ];
  const keyFor = (which: string) =>
    which === D ? deviceKey : which === X ? otherDevice : undefined;

  it.each(table)('made with %s, unlocked with %s and PIN %s', async (made, using, pin, outcome) => {
    const { stored, key } = await createStaffKey('p1', PIN, FAST, keyFor(made));
    expect(isDeviceBound(stored)).toBe(made === D);
    const attempt = unlockStaffKey('p1', pin, stored, keyFor(using));
    if (outcome === 'opens') expect(await sameKey(await attempt, key)).toBe(true);
    else await expect(attempt).rejects.toThrow(outcome);
  });

  it('the device layer is checked before any PIN work (no PIN guess is possible)', async () => {
    // With this many iterations any PIN attempt would take minutes: a quick refusal shows
    // that the wrong device key stopped it before PBKDF2 began.
    const { stored } = await createStaffKey('p1', PIN, FAST, deviceKey);
    const slow = { ...stored, iterations: 1_000_000_000 };
    const started = performance.now();
    await expect(unlockStaffKey('p1', PIN, slow, otherDevice)).rejects.toThrow(WrongDeviceError);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a wrapped key moved to another profile does not open', async () => {
    const { stored } = await createStaffKey('p1', PIN, FAST, deviceKey);
    await expect(unlockStaffKey('p2', PIN, stored, deviceKey)).rejects.toThrow(WrongDeviceError);
    const bare = await createStaffKey('p1', PIN, FAST);
    await expect(unlockStaffKey('p2', PIN, bare.stored)).rejects.toThrow(WrongSecretError);
  });

  it('an existing PIN-only profile is bound to the device without its PIN', async () => {
    const { stored, key } = await createStaffKey('p1', PIN, FAST);
    const bound: WrappedStaffKey = await bindStaffKeyToDevice('p1', stored, deviceKey);
    expect(isDeviceBound(bound)).toBe(true);
    expect(bound.salt).toBe(stored.salt);
    expect(await bindStaffKeyToDevice('p1', bound, deviceKey)).toBe(bound);
    expect(await sameKey(await unlockStaffKey('p1', PIN, bound, deviceKey), key)).toBe(true);
    await expect(unlockStaffKey('p1', PIN, bound)).rejects.toThrow(WrongDeviceError);
  });

  it('the old two- and three-argument calls still work', async () => {
    const { stored, key } = await createStaffKey('p1', PIN, FAST);
    expect(await sameKey(await unlockStaffKey('p1', PIN, stored), key)).toBe(true);
  });
});
