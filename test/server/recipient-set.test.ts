import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { API } from '../../src/sync/protocol.ts';
import { signRecipientSet, type SignedRecipientSet } from '../../src/sync/recipient-set.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let school: TestSchool;
let tablet: TestDevice;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
  tablet = await enrolTablet(server, school);
});
afterAll(() => server.close());

async function nextSet(version: number, signer = school.signing): Promise<SignedRecipientSet> {
  const { sig: _sig, ...body } = school.recipientSet;
  const newLead = await generateReaderKeyPair();
  const readers = [
    ...body.readers,
    { kid: newLead.kid, name: 'Deputy DSL', role: 'dsl' as const, publicKey: newLead.publicKey },
  ];
  return signRecipientSet(
    { ...body, version, readers, issued: new Date().toISOString() },
    signer.privateKey,
  );
}

async function publish(set: unknown, device: TestDevice = school.dslDevice) {
  const res = await signedFetch(server, device, 'POST', API.recipientSet, set);
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

describe('recipient set updates', () => {
  it('refuses a tablet, a set signed by another key, and a version that skips ahead', async () => {
    expect((await publish(await nextSet(2), tablet)).status).toBe(403);
    const impostor = await generateSigningKeyPair(true);
    expect(await publish(await nextSet(2, impostor))).toMatchObject({
      status: 400,
      body: { error: 'invalid-recipient-set' },
    });
    expect(await publish(await nextSet(3))).toMatchObject({
      status: 409,
      body: { error: 'version-conflict' },
    });
    expect(await publish(await nextSet(1))).toMatchObject({
      status: 409,
      body: { error: 'version-conflict' },
    });
  });

  it('accepts the next version, serves it to devices, and then accepts envelopes sealed to it', async () => {
    const v2 = await nextSet(2);
    expect((await publish(v2)).status).toBe(201);
    const served = await signedFetch(server, tablet, 'GET', API.recipientSet);
    expect(await served.json()).toEqual(v2);
    expect(await publish(v2)).toMatchObject({ status: 409, body: { error: 'version-conflict' } });
    const e = await seal(school, tablet, { n: 1 }, { recipientSet: 2 });
    const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: [e] });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]!.status).toBe(
      'stored',
    );
  });
});
