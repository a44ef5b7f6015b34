// Writes test/vectors/key-grant-v1.json: the envelope of envelope-v1.json granted to a second
// (throwaway) reader, and a throwaway school signing key wrapped to that reader. Run once
// (npx tsx scripts/make-key-grant-vector.ts); the unit tests open both on every run, so a
// change that would strand grants already delivered to a DSL fails the build.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  exportReaderPrivate,
  generateReaderKeyPair,
  importReaderPrivate,
} from '../src/crypto/hpke.ts';
import { grantSlot, wrapSchoolSigningKey, type KeyGrantPayload } from '../src/crypto/key-grant.ts';
import {
  exportPrivateJwk,
  exportPublicJwk,
  generateSigningKeyPair,
} from '../src/crypto/signing.ts';

const source = JSON.parse(
  readFileSync(new URL('../test/vectors/envelope-v1.json', import.meta.url), 'utf8'),
);
const from = {
  kid: source.readerKid,
  privateKey: await importReaderPrivate(source.readerPrivateKey),
};
const to = await generateReaderKeyPair();
const toPublic = { kid: to.kid, publicKey: to.publicKey };
const schoolKey = await generateSigningKeyPair(true);
const schoolId = source.envelope.school;
const signingKeyPrivate = await exportPrivateJwk(schoolKey.privateKey);
const grant = await grantSlot(source.envelope, from, toPublic);
const payload: KeyGrantPayload = {
  type: 'key.granted',
  to: { kid: to.kid, name: 'B. Deputy (test)' },
  grants: [grant],
  grantedBy: { kid: from.kid, name: 'A. Lead (test)' },
  signingKey: await wrapSchoolSigningKey(signingKeyPrivate, toPublic, schoolId),
};
const vector = {
  description:
    'Safetrail key grant v1 test vector: the envelope of envelope-v1.json granted to a second reader, and a school signing key wrapped to that reader. Every private key here is a test key: never use it for real records.',
  envelope: source.envelope,
  devicePublicKey: source.devicePublicKey,
  payload: source.payload,
  from: { kid: source.readerKid },
  to: {
    kid: to.kid,
    publicKey: to.publicKey,
    privateKey: await exportReaderPrivate(to.privateKey),
  },
  schoolId,
  schoolSigningKey: {
    publicKey: await exportPublicJwk(schoolKey.publicKey),
    privateKey: signingKeyPrivate,
  },
  keyGrantPayload: payload,
};
writeFileSync(
  new URL('../test/vectors/key-grant-v1.json', import.meta.url),
  JSON.stringify(vector, null, 2) + '\n',
);
