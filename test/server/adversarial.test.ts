/**
 * One test per refusal the security model promises, each over real HTTP against a real
 * SQLite endpoint, each checking that nothing was stored. The attacker here holds what
 * each case says (a captured request, a stolen or revoked tablet, an old signed set, its
 * own device key) and no more.
 */
import { describe, expect, it } from 'vitest';
import { unsigned, type Envelope } from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { generateSigningKeyPair, signObject } from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { verifyChain } from '../../src/server/chain.ts';
import { API, type UploadItemResult } from '../../src/sync/protocol.ts';
import { signRecipientSet } from '../../src/sync/recipient-set.ts';
import { REPLAY_WINDOW_MS, signRequest } from '../../src/sync/request-auth.ts';
import { uploadAs, withEnrolledSchool, type EnrolledSchool } from './enrolled-school.ts';
import { enrolTablet, rows, seal, signedFetch } from './helpers.ts';
import { enrolDsl, errorOf, revoke } from './lifecycle-helpers.ts';

let { server, school, tablet } = {} as EnrolledSchool;
withEnrolledSchool((env) => ({ server, school, tablet } = env));

async function uploadOne(e: unknown, device = tablet): Promise<UploadItemResult> {
  return (await uploadAs(server, device, [e]))[0]!;
}

/** Runs `attempt` and checks the log did not grow. */
async function storesNothing<T>(attempt: () => Promise<T>): Promise<T> {
  const before = rows(server, 'log');
  const result = await attempt();
  expect(rows(server, 'log')).toBe(before);
  return result;
}

/** The device re-signs an envelope after changing it, as only a device holding its key can. */
async function resigned(e: Envelope, changes: Partial<Envelope>, key = tablet.keys.privateKey) {
  const body = unsigned({ ...e, ...changes });
  return { ...body, sig: await signObject(key, body) } as Envelope;
}

async function v2Set() {
  const { sig: _sig, ...body } = school.recipientSet;
  const deputy = await generateReaderKeyPair();
  const readers = [
    ...body.readers,
    { kid: deputy.kid, name: 'Deputy', role: 'dsl' as const, publicKey: deputy.publicKey },
  ];
  return signRecipientSet({ ...body, version: 2, readers }, school.signing.privateKey);
}

describe('recipient sets', () => {
  it('refuses an unsigned set', async () => {
    const { sig: _sig, ...set } = await v2Set();
    const res = await signedFetch(server, school.dslDevice, 'POST', API.recipientSet, set);
    expect(await errorOf(res)).toEqual({ status: 400, error: 'invalid-recipient-set' });
  });

  it('refuses a rollback to an older, correctly signed set', async () => {
    const v2 = await v2Set();
    expect((await signedFetch(server, school.dslDevice, 'POST', API.recipientSet, v2)).status).toBe(
      201,
    );
    const old = school.recipientSet;
    const res = await signedFetch(server, school.dslDevice, 'POST', API.recipientSet, old);
    expect(await errorOf(res)).toEqual({ status: 409, error: 'stale-recipient-set' });
    const served = await signedFetch(server, tablet, 'GET', API.recipientSet);
    expect(await served.json()).toEqual(v2);
  });
});

describe('devices', () => {
  it('refuses a revoked device, and keeps what it delivered', async () => {
    const lost = await enrolTablet(server, school, 'Stolen tablet');
    const delivered = await seal(school, lost);
    expect((await uploadOne(delivered, lost)).status).toBe('stored');
    expect((await revoke(server, school.dslDevice, lost.id)).status).toBe(200);
    const res = await storesNothing(() =>
      seal(school, lost).then((e) =>
        signedFetch(server, lost, 'POST', API.envelopes, { envelopes: [e] }),
      ),
    );
    expect(await errorOf(res)).toEqual({ status: 403, error: 'device-revoked' });
    expect(await server.store.findLogEntry(school.id, delivered.id)).not.toBeNull();
  });

  it('refuses an unknown device', async () => {
    const stranger = { ...tablet, id: 'AAAAAAAAAAAAAAAAAAAAAA' };
    const res = await storesNothing(async () =>
      signedFetch(server, stranger, 'POST', API.envelopes, {
        envelopes: [await seal(school, tablet)],
      }),
    );
    expect(await errorOf(res)).toEqual({ status: 401, error: 'unknown-device' });
  });

  it('refuses a pending DSL device that tries to upload or pull', async () => {
    const pending = await enrolDsl(server, school, 'Unapproved phone');
    const upload = await storesNothing(async () =>
      signedFetch(server, pending, 'POST', API.envelopes, {
        envelopes: [await seal(school, pending)],
      }),
    );
    expect(await errorOf(upload)).toEqual({ status: 403, error: 'device-pending' });
    const pull = await signedFetch(server, pending, 'GET', `${API.envelopes}?after=0`);
    expect(await errorOf(pull)).toEqual({ status: 403, error: 'device-pending' });
  });

  it('refuses a DSL revoking its own device', async () => {
    const res = await revoke(server, school.dslDevice, school.dslDevice.id);
    expect(await errorOf(res)).toEqual({ status: 400, error: 'cannot-revoke-self' });
  });
});

describe('requests', () => {
  it('refuses a replayed request', async () => {
    const body = JSON.stringify({ envelopes: [await seal(school, tablet)] });
    const headers = await signRequest(
      tablet.id,
      tablet.keys.privateKey,
      'POST',
      API.envelopes,
      body,
    );
    const send = () =>
      fetch(server.url + API.envelopes, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
    expect((await send()).status).toBe(200);
    expect(await errorOf(await storesNothing(send))).toEqual({
      status: 401,
      error: 'replayed-request',
    });
  });

  it('refuses a stale request', async () => {
    const res = await storesNothing(async () =>
      signedFetch(
        server,
        tablet,
        'POST',
        API.envelopes,
        { envelopes: [await seal(school, tablet)] },
        {
          now: Date.now() - 2 * REPLAY_WINDOW_MS,
        },
      ),
    );
    expect(await errorOf(res)).toEqual({ status: 401, error: 'stale-request' });
  });

  it('refuses a request signed by a key other than the device’s', async () => {
    const forger = await generateSigningKeyPair(false);
    const res = await storesNothing(async () =>
      signedFetch(
        server,
        tablet,
        'POST',
        API.envelopes,
        { envelopes: [await seal(school, tablet)] },
        {
          key: forger.privateKey,
        },
      ),
    );
    expect(await errorOf(res)).toEqual({ status: 401, error: 'bad-signature' });
  });
});

describe('envelopes', () => {
  it('refuses an envelope signed by a key other than the sending device’s', async () => {
    const forger = await generateSigningKeyPair(false);
    const forged = await resigned(await seal(school, tablet), {}, forger.privateKey);
    expect(await storesNothing(() => uploadOne(forged))).toMatchObject({
      status: 'rejected',
      error: 'bad-signature',
    });
  });

  it('refuses an envelope with a reader slot dropped', async () => {
    const e = await seal(school, tablet);
    const dropped = { ...e, readers: e.readers.slice(0, 1) };
    expect(await storesNothing(() => uploadOne(dropped))).toMatchObject({
      status: 'rejected',
      error: 'bad-signature',
    });
  });

  it('refuses an envelope with its reader slots swapped', async () => {
    const e = await seal(school, tablet);
    const swapped = { ...e, readers: [e.readers[1]!, e.readers[0]!] };
    expect(await storesNothing(() => uploadOne(swapped))).toMatchObject({
      status: 'rejected',
      error: 'bad-signature',
    });
  });

  it('refuses an envelope replayed under a new id, re-signed by the same device', async () => {
    const original = await seal(school, tablet, { note: 'one concern' });
    expect((await uploadOne(original)).status).toBe('stored');
    const replay = await resigned(original, { id: ulid() });
    expect(await storesNothing(() => uploadOne(replay))).toMatchObject({
      id: replay.id,
      status: 'rejected',
      error: 'replayed-envelope',
    });
    // The same id and bytes again is still the harmless duplicate a retry makes.
    expect((await uploadOne(original)).status).toBe('duplicate');
    expect((await verifyChain(server.store)).ok).toBe(true);
  });

  it('refuses another device’s ciphertext re-signed under a new id as its own', async () => {
    const other = await enrolTablet(server, school, 'Other tablet');
    const original = await seal(school, tablet);
    expect((await uploadOne(original)).status).toBe('stored');
    const copy = await resigned(original, { id: ulid(), device: other.id }, other.keys.privateKey);
    expect(await storesNothing(() => uploadOne(copy, other))).toMatchObject({
      status: 'rejected',
      error: 'replayed-envelope',
    });
  });
});
