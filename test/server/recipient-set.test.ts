/**
 * Publishing and fetching recipient sets over real HTTP: only an approved DSL device
 * publishes, only a set signed by the pinned school key, exactly one version newer, with
 * both a DSL and the recovery key and no reader twice; older or equal versions are stale;
 * any stored version can be fetched again for an audit.
 */
import { describe, expect, it } from 'vitest';
import { MAX_READERS } from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { API, apiPath } from '../../src/sync/protocol.ts';
import {
  signRecipientSet,
  type RecipientReader,
  type SignedRecipientSet,
} from '../../src/sync/recipient-set.ts';
import { withEnrolledSchool, type EnrolledSchool } from './enrolled-school.ts';
import { seal, signedFetch, type TestDevice } from './helpers.ts';
import { enrolDsl } from './lifecycle-helpers.ts';

let { server, school, tablet } = {} as EnrolledSchool;
withEnrolledSchool((env) => ({ server, school, tablet } = env));

async function newReader(name = 'Deputy DSL'): Promise<RecipientReader> {
  const r = await generateReaderKeyPair();
  return { kid: r.kid, name, role: 'dsl', publicKey: r.publicKey };
}

async function nextSet(
  version: number,
  options: {
    signer?: CryptoKeyPair;
    readers?: (readers: RecipientReader[]) => RecipientReader[];
  } = {},
): Promise<SignedRecipientSet> {
  const { sig: _sig, ...body } = school.recipientSet;
  const readers = options.readers
    ? options.readers(body.readers)
    : [...body.readers, await newReader()];
  return signRecipientSet(
    { ...body, version, readers, issued: new Date().toISOString() },
    (options.signer ?? school.signing).privateKey,
  );
}

async function publish(set: unknown, device: TestDevice = school.dslDevice) {
  const res = await signedFetch(server, device, 'POST', API.recipientSet, set);
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string } };
}

describe('recipient set updates', () => {
  it('refuses a tablet, a pending DSL device, a set signed by another key, and a version that skips ahead', async () => {
    expect((await publish(await nextSet(2), tablet)).status).toBe(403);
    const pending = await enrolDsl(server, school);
    expect(await publish(await nextSet(2), pending)).toMatchObject({
      status: 403,
      body: { error: 'device-pending' },
    });
    const impostor = await generateSigningKeyPair(true);
    expect(await publish(await nextSet(2, { signer: impostor }))).toMatchObject({
      status: 400,
      body: { error: 'invalid-recipient-set' },
    });
    expect(await publish(await nextSet(3))).toMatchObject({
      status: 409,
      body: { error: 'version-conflict' },
    });
  });

  it('refuses an unsigned set, a duplicated reader, too many readers and a set without a DSL or the recovery key', async () => {
    const { sig: _sig, ...unsigned } = await nextSet(2);
    expect(await publish(unsigned)).toMatchObject({
      status: 400,
      body: { error: 'invalid-recipient-set' },
    });
    const twice = await nextSet(2, { readers: (rs) => [...rs, rs[0]!] });
    expect(await publish(twice)).toMatchObject({
      status: 400,
      body: { error: 'invalid-recipient-set', message: expect.stringMatching(/more than once/) },
    });
    const many: RecipientReader[] = [];
    for (let i = 0; i < MAX_READERS; i++) many.push(await newReader(`DSL ${i}`));
    expect(await publish(await nextSet(2, { readers: (rs) => [...rs, ...many] }))).toMatchObject({
      status: 400,
      body: { error: 'invalid-recipient-set', message: expect.stringMatching(/at most/) },
    });
    for (const role of ['dsl', 'recovery']) {
      const without = await nextSet(2, { readers: (rs) => rs.filter((r) => r.role !== role) });
      expect(await publish(without), role).toMatchObject({
        status: 400,
        body: { error: 'missing-readers' },
      });
    }
  });

  it('accepts the next version, serves it to devices, and then accepts envelopes sealed to it', async () => {
    const v2 = await nextSet(2);
    expect((await publish(v2)).status).toBe(201);
    const served = await signedFetch(server, tablet, 'GET', API.recipientSet);
    expect(await served.json()).toEqual(v2);
    const e = await seal(school, tablet, { n: 1 }, { recipientSet: 2 });
    const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: [e] });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]!.status).toBe(
      'stored',
    );
  });

  it('refuses the same version again, or an older one (a rollback), as stale', async () => {
    const again = await publish(await nextSet(2));
    expect(again).toMatchObject({ status: 409, body: { error: 'stale-recipient-set' } });
    const rollback = await publish(school.recipientSet);
    expect(rollback).toMatchObject({ status: 409, body: { error: 'stale-recipient-set' } });
    expect(rollback.body.message).toMatch(/older than the one the school holds \(version 2\)/);
    const served = await signedFetch(server, tablet, 'GET', API.recipientSet);
    expect(((await served.json()) as SignedRecipientSet).version).toBe(2);
  });
});

describe('earlier versions', () => {
  it('serves any stored version, byte for byte, to approved devices', async () => {
    const v1 = await signedFetch(server, tablet, 'GET', apiPath.recipientSetVersion(1));
    expect(v1.status).toBe(200);
    expect(await v1.json()).toEqual(school.recipientSet);
    const v2 = await signedFetch(server, school.dslDevice, 'GET', apiPath.recipientSetVersion(2));
    expect(((await v2.json()) as SignedRecipientSet).version).toBe(2);
  });

  it('answers 404 for a version it does not have and 400 for one that is not a number', async () => {
    const missing = await signedFetch(server, tablet, 'GET', apiPath.recipientSetVersion(99));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('no-such-version');
    for (const v of ['0', 'abc', '1.5', '-1', '99999999999']) {
      const res = await signedFetch(server, tablet, 'GET', `/api/v1/recipient-sets/${v}`);
      expect(res.status, v).toBe(400);
    }
  });
});
