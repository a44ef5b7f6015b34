// Writes test/vectors/envelope-v1.json: one sealed envelope with the keys needed to open it.
// Run once (npx tsx scripts/make-envelope-vector.ts); the unit tests keep it opening, so a
// change to the format or the crypto that breaks old records fails the build.
import { writeFileSync } from 'node:fs';
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import { envelopeHash, sealEnvelope } from '../src/crypto/envelope.ts';
import { exportReaderPrivate, generateReaderKeyPair } from '../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../src/crypto/signing.ts';

const device = await generateSigningKeyPair(false);
const reader = await generateReaderKeyPair();
const payload = {
  type: 'incident.created',
  incidentId: '01JD0000000000000000000000',
  fields: {
    what: 'Test vector: a pupil reported an unkind message.',
    when: '2026-11-20T10:15',
    where: 'Classroom 4',
    reportedBy: 'A. Teacher',
  },
  recordedAt: '2026-11-20T10:20:00.000Z',
  recordedBy: 'A. Teacher',
};
const envelope = await sealEnvelope(
  {
    id: '01JD0000000000000000000001',
    school: 'school-vector',
    device: 'device-vector',
    seq: 1,
    kind: 'incident.created',
    created: '2026-11-20T10:20:00.000Z',
    recipientSet: 1,
  },
  payload,
  [{ kid: reader.kid, publicKey: reader.publicKey }],
  device.privateKey,
);
const vector = {
  description:
    'Safetrail envelope v1 test vector. The reader private key is a test key: never use it for real records.',
  readerKid: reader.kid,
  readerPublicKey: reader.publicKey,
  readerPrivateKey: await exportReaderPrivate(reader.privateKey),
  devicePublicKey: await exportPublicJwk(device.publicKey),
  envelope,
  canonicalEnvelope: canonicalJson(envelope),
  envelopeHash: await envelopeHash(envelope),
  payload,
};
writeFileSync(
  new URL('../test/vectors/envelope-v1.json', import.meta.url),
  JSON.stringify(vector, null, 2) + '\n',
);
