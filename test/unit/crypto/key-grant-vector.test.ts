import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReaderPrivate } from '../../../src/crypto/hpke.ts';
import {
  isKeyGrantPayload,
  openEnvelopeWithGrant,
  unwrapSchoolSigningKey,
} from '../../../src/crypto/key-grant.ts';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8'));
const vector = load('key-grant-v1.json');

describe('key grant v1 test vector (docs/envelope.md, "Key grants")', () => {
  it('grants the envelope-v1 record itself, unchanged', () => {
    expect(vector.envelope).toEqual(load('envelope-v1.json').envelope);
    expect(isKeyGrantPayload(vector.keyGrantPayload)).toBe(true);
  });

  it('the granted reader opens the record with the recorded grant', async () => {
    const reader = {
      kid: vector.to.kid,
      privateKey: await importReaderPrivate(vector.to.privateKey),
    };
    const opened = await openEnvelopeWithGrant(
      vector.envelope,
      vector.keyGrantPayload.grants[0],
      reader,
      vector.devicePublicKey,
    );
    expect(opened.payload).toEqual(vector.payload);
  });

  it('the granted reader unwraps the recorded school signing key', async () => {
    const reader = {
      kid: vector.to.kid,
      privateKey: await importReaderPrivate(vector.to.privateKey),
    };
    const jwk = await unwrapSchoolSigningKey(vector.keyGrantPayload.signingKey, reader, {
      schoolId: vector.schoolId,
      signingKey: vector.schoolSigningKey.publicKey,
    });
    const { crv, d, kty, x, y } = vector.schoolSigningKey.privateKey;
    expect(jwk).toEqual({ crv, d, kty, x, y });
  });
});
