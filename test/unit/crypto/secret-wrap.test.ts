import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url, utf8 } from '../../../src/crypto/bytes.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../../src/crypto/hpke.ts';
import {
  SECRET_LABELS,
  SecretWrapError,
  unwrapSchoolSigningKey,
  unwrapSecretForReader,
  wrapSchoolSigningKey,
  wrapSecretToReader,
  type WrappedSecret,
} from '../../../src/crypto/secret-wrap.ts';
import { unwrapForReader } from '../../../src/crypto/hpke.ts';
import {
  exportPrivateJwk,
  exportPublicJwk,
  generateSigningKeyPair,
  importPrivateJwk,
  signObject,
  verifyObject,
  type PublicJwk,
} from '../../../src/crypto/signing.ts';

let lead: ReaderKeyPair;
let deputy: ReaderKeyPair;
let outsider: ReaderKeyPair;
let schoolPrivate: JsonWebKey;
let schoolPublic: PublicJwk;
let otherSchoolPublic: PublicJwk;
const pub = (r: ReaderKeyPair) => ({ kid: r.kid, publicKey: r.publicKey });

beforeAll(async () => {
  [lead, deputy, outsider] = await Promise.all([
    generateReaderKeyPair(),
    generateReaderKeyPair(),
    generateReaderKeyPair(),
  ]);
  const school = await generateSigningKeyPair(true);
  schoolPrivate = await exportPrivateJwk(school.privateKey);
  schoolPublic = await exportPublicJwk(school.publicKey);
  otherSchoolPublic = await exportPublicJwk((await generateSigningKeyPair(false)).publicKey);
});

describe('handing the school signing key to a new DSL', () => {
  it('round-trips, and the new DSL can sign recipient sets that verify', async () => {
    const wrapped = await wrapSchoolSigningKey(schoolPrivate, pub(deputy), 'sch1');
    expect(wrapped).toMatchObject({ label: SECRET_LABELS.schoolSigningKey, kid: deputy.kid });
    const jwk = await unwrapSchoolSigningKey(wrapped, deputy, {
      schoolId: 'sch1',
      signingKey: schoolPublic,
    });
    const sig = await signObject(await importPrivateJwk(jwk), { version: 2 });
    expect(await verifyObject(schoolPublic, sig, { version: 2 })).toBe(true);
  });

  type Case = [string, (w: WrappedSecret) => Promise<unknown>, RegExp];
  const cases: Case[] = [
    [
      'opened by someone else',
      (w) => unwrapSchoolSigningKey(w, outsider, { schoolId: 'sch1', signingKey: schoolPublic }),
      /different reader/,
    ],
    [
      'relabelled for someone else',
      (w) =>
        unwrapSchoolSigningKey({ ...w, kid: outsider.kid }, outsider, {
          schoolId: 'sch1',
          signingKey: schoolPublic,
        }),
      /could not open/,
    ],
    [
      'replayed into another school',
      (w) => unwrapSchoolSigningKey(w, deputy, { schoolId: 'sch2', signingKey: schoolPublic }),
      /could not open/,
    ],
    [
      'a flipped byte',
      (w) => {
        const ct = fromBase64Url(w.ct);
        ct[10] = ct[10]! ^ 1;
        return unwrapSchoolSigningKey({ ...w, ct: toBase64Url(ct) }, deputy, {
          schoolId: 'sch1',
          signingKey: schoolPublic,
        });
      },
      /could not open/,
    ],
    [
      'not the key the recipient set names',
      (w) => unwrapSchoolSigningKey(w, deputy, { schoolId: 'sch1', signingKey: otherSchoolPublic }),
      /not this school’s signing key/,
    ],
    [
      'presented as an envelope content key',
      (w) => unwrapForReader(deputy.privateKey, { enc: w.enc, key: w.ct }, utf8('sch1')),
      /./,
    ],
  ];
  it.each(cases)('refused when %s', async (_name, run, message) => {
    const wrapped = await wrapSchoolSigningKey(schoolPrivate, pub(deputy), 'sch1');
    await expect(run(wrapped)).rejects.toThrow(message);
  });

  it('refuses to wrap what is not a private P-256 key, or to a mislabelled reader', async () => {
    const { d: _d, ...publicOnly } = schoolPrivate;
    await expect(wrapSchoolSigningKey(publicOnly, pub(deputy), 'sch1')).rejects.toThrow(
      SecretWrapError,
    );
    await expect(
      wrapSchoolSigningKey(schoolPrivate, { kid: lead.kid, publicKey: deputy.publicKey }, 'sch1'),
    ).rejects.toThrow(/does not match/);
  });

  it('a private key whose public half was swapped is caught by the signing probe', async () => {
    const swapped = { ...schoolPrivate, x: otherSchoolPublic.x, y: otherSchoolPublic.y };
    const wrapped = await wrapSchoolSigningKey(swapped, pub(deputy), 'sch1');
    await expect(
      unwrapSchoolSigningKey(wrapped, deputy, { schoolId: 'sch1', signingKey: otherSchoolPublic }),
    ).rejects.toThrow(/not this school’s signing key/);
  });

  it('the generic wrap checks the label it is asked for', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await wrapSecretToReader(
      secret,
      pub(lead),
      SECRET_LABELS.schoolSigningKey,
      'x',
    );
    expect(await unwrapSecretForReader(wrapped, lead, SECRET_LABELS.schoolSigningKey, 'x')).toEqual(
      secret,
    );
    await expect(
      unwrapSecretForReader(
        { ...wrapped, label: 'safetrail/v1/content-key' as never },
        lead,
        SECRET_LABELS.schoolSigningKey,
        'x',
      ),
    ).rejects.toThrow(/not the kind of wrapped key/);
  });
});
