import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/crypto/canonical-json.ts';
import { envelopeHash, openEnvelope, type Envelope } from '../../../src/crypto/envelope.ts';
import { importReaderPrivate } from '../../../src/crypto/hpke.ts';

const vector = JSON.parse(
  readFileSync(new URL('../../vectors/envelope-v1.json', import.meta.url), 'utf8'),
);

describe('envelope v1 test vector (docs/envelope.md)', () => {
  it('still opens to the recorded payload with the recorded keys', async () => {
    const reader = {
      kid: vector.readerKid,
      privateKey: await importReaderPrivate(vector.readerPrivateKey),
    };
    const opened = await openEnvelope(vector.envelope, reader, vector.devicePublicKey);
    expect(opened.payload).toEqual(vector.payload);
  });

  it('has a stable canonical form and hash', async () => {
    expect(canonicalJson(vector.envelope)).toBe(vector.canonicalEnvelope);
    expect(await envelopeHash(vector.envelope as Envelope)).toBe(vector.envelopeHash);
  });
});
