// Writes test/vectors/shamir-v1.json: fixed secrets split with fixed (published, therefore
// useless for secrecy) coefficients, the resulting shares, and the printed share texts of
// the recovery-key case. Run once (npx tsx scripts/make-shamir-vector.ts); the unit tests
// recompute every value from the recorded inputs, so a change to the field arithmetic or to
// the printed format that would strand shares already in a school safe fails the build.
// The recovery-key case uses the reader key of envelope-v1.json, so the rebuilt key can be
// shown to open that envelope.
import { readFileSync, writeFileSync } from 'node:fs';
import { fromBase64Url, utf8 } from '../src/crypto/bytes.ts';
import { sha256 } from '../src/crypto/hash.ts';
import { splitSecretWithCoefficients } from '../src/crypto/shamir.ts';
import { encodeShare, shareKeyTag } from '../src/crypto/share-text.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const envelope = JSON.parse(
  readFileSync(new URL('../test/vectors/envelope-v1.json', import.meta.url), 'utf8'),
);

/** Coefficient j of a case: the first `length` bytes of SHA-256("<case>|coefficient|<j+1>"). */
async function coefficients(name: string, count: number, length: number) {
  const out: Uint8Array[] = [];
  for (let j = 1; j <= count; j++)
    out.push((await sha256(`${name}|coefficient|${j}`)).slice(0, length));
  return out;
}

async function makeCase(name: string, secret: Uint8Array, threshold: number, total: number) {
  const coeffs = await coefficients(name, threshold - 1, secret.length);
  const shares = splitSecretWithCoefficients(secret, threshold, total, coeffs);
  return {
    name,
    threshold,
    total,
    secretHex: hex(secret),
    coefficientsHex: coeffs.map(hex),
    shares: shares.map((s) => ({ index: s.index, bytesHex: hex(s.bytes) })),
  };
}

const recoverySecret = fromBase64Url(envelope.readerPrivateKey);
const recovery = await makeCase('shamir-v1/recovery-key', recoverySecret, 2, 3);
const vector = {
  description:
    'Safetrail Shamir v1 test vector: GF(2^8) modulo x^8+x^4+x^3+x+1 (0x11b), share i = f(i). The coefficients are fixed so the vector can be reproduced: real splits draw them from crypto.getRandomValues. The recovery key is the test reader key of envelope-v1.json: never use it for real records.',
  cases: [recovery, await makeCase('shamir-v1/text-3-of-5', utf8('Safetrail break-glass'), 3, 5)],
  recovery: {
    kid: envelope.readerKid,
    publicKey: envelope.readerPublicKey,
    privateKey: envelope.readerPrivateKey,
    keyTag: shareKeyTag(envelope.readerKid),
    printed: recovery.shares.map((s) =>
      encodeShare({
        index: s.index,
        total: 3,
        threshold: 2,
        kid: envelope.readerKid,
        bytes: Buffer.from(s.bytesHex, 'hex'),
      }),
    ),
  },
};
writeFileSync(
  new URL('../test/vectors/shamir-v1.json', import.meta.url),
  JSON.stringify(vector, null, 2) + '\n',
);
