/**
 * Fixtures for the endpoint tests: a school set up through the real set-up route with real
 * keys, tablets enrolled through real codes, signed requests and sealed envelopes. The
 * server itself comes from server-fixture.ts (re-exported here, so tests import one file).
 */
import { randomBytes, toBase64Url } from '../../src/crypto/bytes.ts';
import { sealEnvelope, type Envelope, type SealInput } from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../src/crypto/hpke.ts';
import {
  exportPublicJwk,
  generateSigningKeyPair,
  signObject,
  type PublicJwk,
} from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { API, keyProofStatement, type SchoolStatus } from '../../src/sync/protocol.ts';
import {
  signRecipientSet,
  type RecipientSetBody,
  type SignedRecipientSet,
} from '../../src/sync/recipient-set.ts';
import { signRequest } from '../../src/sync/request-auth.ts';
import { getJson, postJson, type HasUrl } from './server-fixture.ts';

export * from './server-fixture.ts';

export interface TestDevice {
  id: string;
  keys: CryptoKeyPair;
  publicJwk: PublicJwk;
}

export interface TestSchool {
  id: string;
  name: string;
  signing: CryptoKeyPair;
  dsl: ReaderKeyPair;
  recovery: ReaderKeyPair;
  recipientSet: SignedRecipientSet;
  receiptKey: PublicJwk;
  dslDevice: TestDevice;
  /** The key backup the set-up sent for the lead DSL's device. */
  keyBackup: ReturnType<typeof keyBackup>;
}

export async function recipientSetBody(
  receiptKey: PublicJwk,
  signing: CryptoKeyPair,
  readers: ReaderKeyPair[],
  roles: ('dsl' | 'recovery')[] = ['dsl', 'recovery'],
  id = `sch-${toBase64Url(randomBytes(6))}`,
): Promise<RecipientSetBody> {
  return {
    v: 1,
    school: id,
    schoolName: 'Hillside Primary',
    version: 1,
    issued: new Date().toISOString(),
    signingKey: await exportPublicJwk(signing.publicKey),
    receiptKey,
    readers: readers.map((r, i) => ({
      kid: r.kid,
      name: roles[i] === 'dsl' ? 'Ms Lead' : 'Recovery sheet',
      role: roles[i]!,
      publicKey: r.publicKey,
    })),
  };
}

export async function deviceProof(
  purpose: 'setup' | 'register',
  name: string,
  keys: CryptoKeyPair,
  code: string,
) {
  const publicKey = await exportPublicJwk(keys.publicKey);
  return {
    name,
    publicKey,
    proof: await signObject(keys.privateKey, keyProofStatement(purpose, name, publicKey, code)),
  };
}

export function keyBackup() {
  return {
    salt: toBase64Url(randomBytes(16)),
    iterations: 600_000,
    iv: toBase64Url(randomBytes(12)),
    ct: toBase64Url(randomBytes(48)),
  };
}

/** Sets the school up through POST /api/v1/setup, as the lead DSL's browser would (on a
 * hub, pass which pending set-up code to use). */
export async function setupSchool(
  server: HasUrl & { setupCode?: string | null },
  setupCode = server.setupCode!,
): Promise<TestSchool> {
  const status = await getJson<SchoolStatus>(server, API.school);
  const signing = await generateSigningKeyPair(true);
  const [dsl, recovery] = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
  const recipientSet = await signRecipientSet(
    await recipientSetBody(status.receiptKey, signing, [dsl, recovery]),
    signing.privateKey,
  );
  const keys = await generateSigningKeyPair(false);
  const device = await deviceProof('setup', 'Office PC', keys, setupCode);
  const backup = keyBackup();
  const res = await postJson(server, API.setup, {
    setupCode,
    recipientSet,
    device,
    dslName: 'Ms Lead',
    keyBackup: backup,
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const { deviceId } = (await res.json()) as { deviceId: string };
  return {
    id: recipientSet.school,
    name: recipientSet.schoolName,
    signing,
    dsl,
    recovery,
    recipientSet,
    receiptKey: status.receiptKey,
    dslDevice: { id: deviceId, keys, publicJwk: device.publicKey },
    keyBackup: backup,
  };
}

/** A request signed by `device`; `body` is sent as given (a string) or as JSON. */
export async function signedFetch(
  server: HasUrl,
  device: TestDevice,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  options: { now?: number; key?: CryptoKey } = {},
): Promise<Response> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const headers = await signRequest(
    device.id,
    options.key ?? device.keys.privateKey,
    method,
    path,
    text,
    options.now,
  );
  if (text !== '') headers['content-type'] = 'application/json';
  return fetch(server.url + path, { method, headers, body: text === '' ? undefined : text });
}

export async function createCode(
  server: HasUrl,
  dsl: TestDevice,
  ttlMinutes?: number,
): Promise<string> {
  const res = await signedFetch(
    server,
    dsl,
    'POST',
    API.enrollmentCodes,
    ttlMinutes === undefined ? undefined : { ttlMinutes },
  );
  if (res.status !== 201) throw new Error(`code failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

export async function registerRequest(
  server: HasUrl,
  code: string,
  name = 'Tablet 1',
  keys?: CryptoKeyPair,
) {
  const k = keys ?? (await generateSigningKeyPair(false));
  const device = await deviceProof('register', name, k, code);
  return {
    res: await postJson(server, API.register, { code, device }),
    keys: k,
    publicJwk: device.publicKey,
  };
}

export async function enrolTablet(
  server: HasUrl,
  school: TestSchool,
  name = 'Tablet 1',
): Promise<TestDevice> {
  const { res, keys, publicJwk } = await registerRequest(
    server,
    await createCode(server, school.dslDevice),
    name,
  );
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return { id: ((await res.json()) as { deviceId: string }).deviceId, keys, publicJwk };
}

let seq = 0;

/** A real sealed envelope from `device` to the school's readers. */
export async function seal(
  school: TestSchool,
  device: TestDevice,
  payload: unknown = { note: 'hello' },
  overrides: Partial<SealInput> = {},
): Promise<Envelope> {
  const input: SealInput = {
    id: ulid(),
    school: school.id,
    device: device.id,
    seq: ++seq,
    kind: 'incident.created',
    created: new Date().toISOString(),
    recipientSet: 1,
    ...overrides,
  };
  return sealEnvelope(input, payload, [school.dsl, school.recovery], device.keys.privateKey);
}
