/**
 * A member of staff's key on a shared tablet. A random AES-256 key encrypts (wraps) that
 * person's draft keys; it is itself stored only wrapped under a key derived from their PIN
 * with PBKDF2, bound to their profile id so a wrapped key cannot be moved between profiles.
 * The unwrapped key is imported non-extractable and lives only in memory while unlocked.
 *
 * Optionally (and by default in the app) the PIN-wrapped key is wrapped once more under a
 * non-extractable AES-GCM device key that never leaves this browser's WebCrypto. A PIN has
 * few possibilities, so whoever holds the PIN-wrapped blob can try them all offline; the
 * second layer means a copy of the stored rows alone (an export, a synced backup, a script
 * that reads IndexedDB but cannot use the key) is not enough to start guessing. The layer
 * is recognised by length (48 bytes of ciphertext without it, 76 with it), so records made
 * before it existed still unlock and no storage field had to change.
 */
import { aesGcmDecrypt, aesGcmEncrypt, DecryptError, type Sealed } from './aead.ts';
import {
  concatBytes,
  fromBase64Url,
  isBase64Url,
  randomBytes,
  toBase64Url,
  utf8,
} from './bytes.ts';
import { deriveWrappingKey, PBKDF2_ITERATIONS } from './kdf.ts';

export interface WrappedStaffKey {
  salt: string;
  iterations: number;
  wrappedKey: Sealed;
}

export class WrongSecretError extends Error {
  constructor(message = 'That PIN is not right.') {
    super(message);
    this.name = 'WrongSecretError';
  }
}

/** The device layer did not open: another browser's data, or this device's key is gone. */
export class WrongDeviceError extends Error {
  constructor(
    message = 'This profile’s key belongs to another device, or this device’s own key is missing. The PIN was not tried.',
  ) {
    super(message);
    this.name = 'WrongDeviceError';
  }
}

const aadFor = (profileId: string) => utf8(`safetrail/v1/staff-key|${profileId}`);
const deviceAadFor = (profileId: string) => utf8(`safetrail/v1/staff-key-device|${profileId}`);
/** 12-byte IV + (32-byte key + 16-byte tag) of the PIN layer, plus the device layer's tag. */
const DEVICE_BOUND_CT_BYTES = 12 + 48 + 16;

async function importStaffKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A new AES-256-GCM key for this device's vault layer; WebCrypto will never export it. */
export async function generateDeviceVaultKey(): Promise<CryptoKey> {
  return globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

function checkDeviceKey(key: CryptoKey): void {
  if (key.algorithm.name !== 'AES-GCM' || key.extractable)
    throw new Error('The device vault key must be a non-extractable AES-GCM key.');
}

/** True when the stored key carries the device layer. */
export function isDeviceBound(stored: WrappedStaffKey): boolean {
  return isBase64Url(stored.wrappedKey.ct, DEVICE_BOUND_CT_BYTES);
}

/**
 * Adds the device layer to a PIN-only record without needing the PIN (the PIN-wrapped blob
 * is wrapped as it is), so profiles made before the layer existed can be upgraded in place.
 */
export async function bindStaffKeyToDevice(
  profileId: string,
  stored: WrappedStaffKey,
  deviceKey: CryptoKey,
): Promise<WrappedStaffKey> {
  if (isDeviceBound(stored)) return stored;
  checkDeviceKey(deviceKey);
  if (!isBase64Url(stored.wrappedKey.iv, 12) || !isBase64Url(stored.wrappedKey.ct, 48))
    throw new Error('This is not a PIN-wrapped staff key.');
  const inner = concatBytes(
    fromBase64Url(stored.wrappedKey.iv),
    fromBase64Url(stored.wrappedKey.ct),
  );
  return { ...stored, wrappedKey: await aesGcmEncrypt(deviceKey, inner, deviceAadFor(profileId)) };
}

/**
 * A new random staff key and its stored, PIN-wrapped form; with `deviceKey`, the stored form
 * also carries the device layer. The key is returned non-extractable, for this session only.
 */
export async function createStaffKey(
  profileId: string,
  pin: string,
  iterations: number = PBKDF2_ITERATIONS,
  deviceKey?: CryptoKey,
): Promise<{ stored: WrappedStaffKey; key: CryptoKey }> {
  if (deviceKey) checkDeviceKey(deviceKey);
  const salt = randomBytes(16);
  const raw = randomBytes(32);
  const wrapping = await deriveWrappingKey(pin, salt, iterations);
  const wrappedKey = await aesGcmEncrypt(wrapping, raw, aadFor(profileId));
  const key = await importStaffKey(raw);
  raw.fill(0);
  const stored = { salt: toBase64Url(salt), iterations, wrappedKey };
  return {
    stored: deviceKey ? await bindStaffKeyToDevice(profileId, stored, deviceKey) : stored,
    key,
  };
}

/** Removes the device layer; WrongDeviceError if it is there and `deviceKey` cannot open it. */
async function pinLayer(
  profileId: string,
  stored: WrappedStaffKey,
  deviceKey: CryptoKey | undefined,
): Promise<Sealed> {
  if (!isDeviceBound(stored)) return stored.wrappedKey;
  if (!deviceKey) throw new WrongDeviceError();
  try {
    const inner = await aesGcmDecrypt(deviceKey, stored.wrappedKey, deviceAadFor(profileId));
    return { iv: toBase64Url(inner.subarray(0, 12)), ct: toBase64Url(inner.subarray(12)) };
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongDeviceError();
    throw e;
  }
}

/**
 * Throws WrongDeviceError when the device layer does not open (before any PIN work), and
 * WrongSecretError when the PIN does not open the key. A record without the device layer
 * unlocks with the PIN alone, whether or not `deviceKey` is given.
 */
export async function unlockStaffKey(
  profileId: string,
  pin: string,
  stored: WrappedStaffKey,
  deviceKey?: CryptoKey,
): Promise<CryptoKey> {
  const sealed = await pinLayer(profileId, stored, deviceKey);
  const wrapping = await deriveWrappingKey(pin, fromBase64Url(stored.salt), stored.iterations);
  try {
    const raw = await aesGcmDecrypt(wrapping, sealed, aadFor(profileId));
    const key = await importStaffKey(raw);
    raw.fill(0);
    return key;
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongSecretError();
    throw e;
  }
}
