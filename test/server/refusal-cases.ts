/**
 * The refusals refusal-log.test.ts triggers, one per reason: what to send, and which route
 * and device the log line must name. Each case runs against a "world" (a set-up school
 * with a tablet, a revoked tablet and a pending DSL device). An upload-item case returns
 * the envelope id its line must carry (null when the item has no well-formed id).
 */
import { unsigned, type Envelope } from '../../src/crypto/envelope.ts';
import { generateSigningKeyPair, signObject } from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { generateCode, hashCode } from '../../src/server/codes.ts';
import { API } from '../../src/sync/protocol.ts';
import { REPLAY_WINDOW_MS, signRequest } from '../../src/sync/request-auth.ts';
import {
  createCode,
  deviceProof,
  postJson,
  registerRequest,
  seal,
  signedFetch,
  sql,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import { createCodeWith, revoke } from './lifecycle-helpers.ts';

export const MARKER = 'MARKER-c41e-the-child-disclosed';
export const PERSON = 'Mrs Personname-Marker';

export interface World {
  server: TestServer;
  school: TestSchool;
  tablet: TestDevice;
  revoked: TestDevice;
  pending: TestDevice;
  /** Everything that must never reach the log; cases add the codes and ciphertext they use. */
  secrets: string[];
}

export interface RefusalCase {
  reason: string;
  route: string;
  device: (w: World) => string | null;
  send: (w: World) => Promise<{ envelope: string | null } | void>;
}

async function upload(w: World, e: unknown, device = w.tablet) {
  await signedFetch(w.server, device, 'POST', API.envelopes, { envelopes: [e] });
}

async function resigned(w: World, e: Envelope, changes: Partial<Envelope>): Promise<Envelope> {
  const body = unsigned({ ...e, ...changes });
  return { ...body, sig: await signObject(w.tablet.keys.privateKey, body) } as Envelope;
}

async function secretCode(w: World, code: Promise<string> | string): Promise<string> {
  const c = await code;
  w.secrets.push(c);
  return c;
}

const tabletId = (w: World) => w.tablet.id;
const dslId = (w: World) => w.school.dslDevice.id;
const nobody = () => null;

const auth: RefusalCase[] = [
  {
    reason: 'unauthenticated',
    route: API.envelopes,
    device: nobody,
    send: async (w) => void (await postJson(w.server, API.envelopes, { envelopes: [] })),
  },
  {
    reason: 'unknown-device',
    route: API.devices,
    device: nobody,
    send: async (w) =>
      void (await signedFetch(w.server, { ...w.tablet, id: 'A'.repeat(22) }, 'GET', API.devices)),
  },
  {
    reason: 'device-revoked',
    route: API.envelopes,
    device: (w) => w.revoked.id,
    send: async (w) => upload(w, await seal(w.school, w.revoked), w.revoked),
  },
  {
    reason: 'device-pending',
    route: API.envelopes,
    device: (w) => w.pending.id,
    send: async (w) => void (await signedFetch(w.server, w.pending, 'GET', API.envelopes)),
  },
  {
    reason: 'stale-request',
    route: API.deviceSelf,
    device: tabletId,
    send: async (w) => {
      const now = Date.now() - 2 * REPLAY_WINDOW_MS;
      await signedFetch(w.server, w.tablet, 'GET', API.deviceSelf, undefined, { now });
    },
  },
  {
    reason: 'replayed-request',
    route: API.deviceSelf,
    device: tabletId,
    send: async (w) => {
      const key = w.tablet.keys.privateKey;
      const headers = await signRequest(w.tablet.id, key, 'GET', API.deviceSelf, '');
      await fetch(w.server.url + API.deviceSelf, { headers });
      await fetch(w.server.url + API.deviceSelf, { headers });
    },
  },
  {
    reason: 'bad-signature',
    route: API.deviceSelf,
    device: tabletId,
    send: async (w) => {
      const key = (await generateSigningKeyPair(false)).privateKey;
      await signedFetch(w.server, w.tablet, 'GET', API.deviceSelf, undefined, { key });
    },
  },
  {
    reason: 'forbidden',
    route: API.devices,
    device: tabletId,
    send: async (w) => void (await signedFetch(w.server, w.tablet, 'GET', API.devices)),
  },
];

const items: RefusalCase[] = [
  {
    reason: 'malformed-envelope',
    route: API.envelopes,
    device: tabletId,
    send: async (w) => {
      await upload(w, { id: MARKER, note: MARKER });
      return { envelope: null };
    },
  },
  {
    reason: 'bad-signature',
    route: API.envelopes,
    device: tabletId,
    send: async (w) => {
      const e = { ...(await seal(w.school, w.tablet)), seq: 424242 };
      await upload(w, e);
      return { envelope: e.id };
    },
  },
  {
    reason: 'wrong-device',
    route: API.envelopes,
    device: tabletId,
    send: async (w) => {
      const e = await seal(w.school, w.tablet, {}, { device: w.school.dslDevice.id });
      await upload(w, e);
      return { envelope: e.id };
    },
  },
  {
    reason: 'id-conflict',
    route: API.envelopes,
    device: tabletId,
    send: async (w) => {
      const first = await seal(w.school, w.tablet, { note: MARKER });
      await upload(w, first);
      await upload(w, await seal(w.school, w.tablet, { note: `${MARKER}!` }, { id: first.id }));
      return { envelope: first.id };
    },
  },
  {
    reason: 'replayed-envelope',
    route: API.envelopes,
    device: tabletId,
    send: async (w) => {
      const original = await seal(w.school, w.tablet, { note: MARKER });
      w.secrets.push(original.ct.slice(0, 40));
      await upload(w, original);
      const replay = await resigned(w, original, { id: ulid() });
      await upload(w, replay);
      return { envelope: replay.id };
    },
  },
];

const others: RefusalCase[] = [
  {
    reason: 'invalid-recipient-set',
    route: API.recipientSet,
    device: dslId,
    send: async (w) => {
      const { sig: _sig, ...set } = w.school.recipientSet;
      const body = { ...set, version: 2 };
      await signedFetch(w.server, w.school.dslDevice, 'POST', API.recipientSet, body);
    },
  },
  {
    reason: 'stale-recipient-set',
    route: API.recipientSet,
    device: dslId,
    send: async (w) =>
      void (await signedFetch(
        w.server,
        w.school.dslDevice,
        'POST',
        API.recipientSet,
        w.school.recipientSet,
      )),
  },
  {
    reason: 'unknown-code',
    route: API.register,
    device: nobody,
    send: async (w) => void (await registerRequest(w.server, await secretCode(w, generateCode()))),
  },
  {
    reason: 'code-used',
    route: API.register,
    device: nobody,
    send: async (w) => {
      const request = { role: 'dsl', name: PERSON } as const;
      const code = await secretCode(w, createCodeWith(w.server, w.school.dslDevice, request));
      await registerRequest(w.server, code);
      await registerRequest(w.server, code);
    },
  },
  {
    reason: 'code-expired',
    route: API.register,
    device: nobody,
    send: async (w) => {
      const code = await secretCode(w, createCode(w.server, w.school.dslDevice));
      const past = new Date(Date.now() - 1000).toISOString();
      const update = 'UPDATE enrollment_codes SET expires_at = ? WHERE code_hash = ?';
      sql(w.server, update, past, await hashCode(code));
      await registerRequest(w.server, code);
    },
  },
  {
    reason: 'bad-proof',
    route: API.register,
    device: nobody,
    send: async (w) => {
      const code = await secretCode(w, createCode(w.server, w.school.dslDevice));
      const keys = await generateSigningKeyPair(false);
      const device = await deviceProof('register', PERSON, keys, 'ZZZZ-ZZZZ-ZZZZ');
      await postJson(w.server, API.register, { code, device });
    },
  },
  {
    reason: 'cannot-revoke-self',
    route: '/api/v1/devices/:id/revoke',
    device: dslId,
    send: async (w) => void (await revoke(w.server, w.school.dslDevice, w.school.dslDevice.id)),
  },
  {
    reason: 'invalid-request',
    route: API.deviceSelfStatus,
    device: tabletId,
    send: async (w) =>
      void (await signedFetch(w.server, w.tablet, 'POST', API.deviceSelfStatus, {
        queued: MARKER,
      })),
  },
  {
    reason: 'not-found',
    route: '/api/(unknown)',
    device: nobody,
    send: async (w) => void (await fetch(`${w.server.url}/api/v1/${MARKER}`)),
  },
];

export const REFUSAL_CASES: RefusalCase[] = [...auth, ...items, ...others];
