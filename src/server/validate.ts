/**
 * Pure shape checks for request bodies and queries. Each returns the typed value or throws
 * a 400 HttpError whose message says, in plain words, what is wrong. Cryptographic checks
 * (signatures, proofs, recipient sets) are made by the routes after these pass.
 */
import { isBase64Url } from '../crypto/bytes.ts';
import { isPublicJwk } from '../crypto/signing.ts';
import { isUlid } from '../domain/ulid.ts';
import {
  MAX_BATCH,
  MAX_ERASURE_IDS,
  MAX_ERASURE_PAGE,
  MAX_PULL,
  type DeviceKeyProof,
  type KeyBackup,
  type RegisterRequest,
} from '../sync/protocol.ts';
import { HttpError } from './errors.ts';

type Obj = Record<string, unknown>;

const bad = (message: string, code = 'invalid-request') => new HttpError(400, code, message);

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** A person's or device's name: 1 to `max` characters, not only spaces. */
export function checkName(value: unknown, what: string, max = 80): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw bad(`${what} must be between 1 and ${max} characters.`);
  }
  return value;
}

export function checkDeviceProof(value: unknown): DeviceKeyProof {
  if (!isObject(value)) throw bad('The device’s details are missing.');
  const name = checkName(value.name, 'The device name');
  if (!isPublicJwk(value.publicKey)) throw bad('The device’s public key is not a P-256 key.');
  if (!isBase64Url(value.proof, 64)) throw bad('The device’s key proof is missing or malformed.');
  return { name, publicKey: value.publicKey, proof: value.proof };
}

export function checkKeyBackup(value: unknown): KeyBackup {
  const v = value as Partial<KeyBackup> | null;
  const ok =
    isObject(v) &&
    isBase64Url(v.salt) &&
    v.salt.length >= 16 &&
    v.salt.length <= 128 &&
    Number.isSafeInteger(v.iterations) &&
    (v.iterations as number) >= 1 &&
    isBase64Url(v.iv) &&
    v.iv.length <= 64 &&
    isBase64Url(v.ct) &&
    v.ct.length > 0 &&
    v.ct.length <= 65_536;
  if (!ok) throw bad('The key backup is malformed.');
  return { salt: v.salt!, iterations: v.iterations!, iv: v.iv!, ct: v.ct! };
}

export interface SetupShape {
  setupCode: string;
  recipientSet: unknown;
  device: DeviceKeyProof;
  dslName: string;
  keyBackup: KeyBackup;
}

export function checkSetupRequest(body: unknown): SetupShape {
  if (!isObject(body)) throw bad('The set-up request must be a JSON object.');
  if (typeof body.setupCode !== 'string' || body.setupCode.length > 64)
    throw bad('The set-up code is missing.');
  if (!isObject(body.recipientSet))
    throw bad('The list of safeguarding leads is missing.', 'invalid-recipient-set');
  return {
    setupCode: body.setupCode,
    recipientSet: body.recipientSet,
    device: checkDeviceProof(body.device),
    dslName: checkName(body.dslName, 'The safeguarding lead’s name', 200),
    keyBackup: checkKeyBackup(body.keyBackup),
  };
}

export function checkRegisterRequest(body: unknown): RegisterRequest {
  if (!isObject(body)) throw bad('The enrollment request must be a JSON object.');
  if (typeof body.code !== 'string' || body.code.length > 64)
    throw bad('The enrollment code is missing.');
  const device = checkDeviceProof(body.device);
  if (body.readerKey === undefined) return { code: body.code, device };
  const r = body.readerKey as { kid?: unknown; publicKey?: unknown } | null;
  if (!isObject(r) || !isBase64Url(r.kid, 16) || !isBase64Url(r.publicKey, 65)) {
    throw bad(
      'readerKey must be {kid, publicKey}: a 16-byte key id and a 65-byte P-256 public key.',
    );
  }
  return {
    code: body.code,
    device,
    readerKey: { kid: r.kid as string, publicKey: r.publicKey as string },
  };
}

export const CODE_TTL = { defaultMinutes: 24 * 60, min: 5, max: 7 * 24 * 60 } as const;

/** Minutes an enrollment code stays valid: the body is optional. */
export function checkCodeTtl(body: unknown): number {
  if (body === undefined || (isObject(body) && body.ttlMinutes === undefined))
    return CODE_TTL.defaultMinutes;
  const ttl = isObject(body) ? body.ttlMinutes : undefined;
  if (
    !Number.isSafeInteger(ttl) ||
    (ttl as number) < CODE_TTL.min ||
    (ttl as number) > CODE_TTL.max
  ) {
    throw bad(
      `ttlMinutes must be a whole number of minutes from ${CODE_TTL.min} to ${CODE_TTL.max}.`,
    );
  }
  return ttl as number;
}

/** The items of an upload; each is checked on its own later, so one bad item fails alone. */
export function checkUploadRequest(body: unknown): unknown[] {
  if (!isObject(body) || !Array.isArray(body.envelopes)) {
    throw bad('The upload must be a JSON object with an "envelopes" list.');
  }
  const n = body.envelopes.length;
  if (n < 1 || n > MAX_BATCH)
    throw bad(`An upload must carry between 1 and ${MAX_BATCH} records; this one has ${n}.`);
  return body.envelopes;
}

export const PULL_DEFAULT_LIMIT = 100;

function queryInt(
  value: unknown,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max))
    throw bad(`"${name}" must be a whole number from ${min} to ${max}.`, 'invalid-query');
  return n;
}

export function checkPullQuery(query: unknown): { after: number; limit: number } {
  const q = isObject(query) ? query : {};
  return {
    after: queryInt(q.after, 'after', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: queryInt(q.limit, 'limit', PULL_DEFAULT_LIMIT, 1, MAX_PULL),
  };
}

/** The envelope ids of an erasure request: 1 to MAX_ERASURE_IDS ULIDs. */
export function checkErasureRequest(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.ids)) {
    throw bad('The erasure request must be a JSON object with an "ids" list.');
  }
  const n = body.ids.length;
  if (n < 1 || n > MAX_ERASURE_IDS)
    throw bad(
      `An erasure must name between 1 and ${MAX_ERASURE_IDS} records; this one names ${n}.`,
    );
  if (!body.ids.every(isUlid)) throw bad('Every id in an erasure must be a record id (a ULID).');
  return body.ids;
}

export function checkErasureQuery(query: unknown): { after: number; limit: number } {
  const q = isObject(query) ? query : {};
  return {
    after: queryInt(q.after, 'after', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: queryInt(q.limit, 'limit', MAX_ERASURE_PAGE, 1, MAX_ERASURE_PAGE),
  };
}
