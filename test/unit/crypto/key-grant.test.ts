import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes.ts';
import { canonicalBytes } from '../../../src/crypto/canonical-json.ts';
import { openEnvelope, sealEnvelope, type Envelope } from '../../../src/crypto/envelope.ts';
import {
  generateReaderKeyPair,
  sealToReader,
  type ReaderKeyPair,
} from '../../../src/crypto/hpke.ts';
import {
  grantCatalogue,
  grantSlot,
  isGrantSlot,
  isKeyGrantPayload,
  MAX_GRANTS_PER_EVENT,
  openEnvelopeWithGrant,
  type GrantSlot,
  type KeyGrantPayload,
} from '../../../src/crypto/key-grant.ts';
import { MAX_CIPHERTEXT_CHARS } from '../../../src/crypto/envelope-format.ts';
import { paddedSize } from '../../../src/crypto/padding.ts';
import {
  exportPublicJwk,
  generateSigningKeyPair,
  type PublicJwk,
} from '../../../src/crypto/signing.ts';
import { ulid } from '../../../src/domain/ulid.ts';

let device: CryptoKeyPair;
let devicePublic: PublicJwk;
let lead: ReaderKeyPair;
let recovery: ReaderKeyPair;
let deputy: ReaderKeyPair;
let outsider: ReaderKeyPair;

const payload = { type: 'incident.created', text: 'a child said "stop"' };
const pub = (r: ReaderKeyPair) => ({ kid: r.kid, publicKey: r.publicKey });

beforeAll(async () => {
  device = await generateSigningKeyPair(false);
  devicePublic = await exportPublicJwk(device.publicKey);
  [lead, recovery, deputy, outsider] = await Promise.all([
    generateReaderKeyPair(),
    generateReaderKeyPair(),
    generateReaderKeyPair(),
    generateReaderKeyPair(),
  ]);
});

async function seal(readers = [lead, recovery], body: unknown = payload): Promise<Envelope> {
  return sealEnvelope(
    {
      id: ulid(),
      school: 'sch1',
      device: 'dev1',
      seq: 1,
      kind: 'incident.created',
      created: new Date().toISOString(),
      recipientSet: 1,
    },
    body,
    readers.map(pub),
    device.privateKey,
  );
}

function flip(b64: string, index = 0): string {
  const bytes = fromBase64Url(b64);
  bytes[index] = bytes[index]! ^ 0x01;
  return toBase64Url(bytes);
}

describe('granting the back catalogue to a DSL added later', () => {
  it('the new DSL opens an old record with the grant, and the envelope is untouched', async () => {
    const e = await seal();
    const before = JSON.stringify(e);
    await expect(openEnvelope(e, deputy, devicePublic)).rejects.toThrow(/not sealed to your key/);
    const grant = await grantSlot(e, lead, pub(deputy));
    expect(isGrantSlot(grant)).toBe(true);
    expect(grant).toMatchObject({ envelopeId: e.id, kid: deputy.kid });
    const opened = await openEnvelopeWithGrant(e, grant, deputy, devicePublic);
    expect(opened.payload).toEqual(payload);
    expect(opened.header.id).toBe(e.id);
    expect(JSON.stringify(e)).toBe(before);
  });

  it('the recovery key can grant too (break-glass, then hand over to a new DSL)', async () => {
    const e = await seal();
    const grant = await grantSlot(e, recovery, pub(deputy));
    expect((await openEnvelopeWithGrant(e, grant, deputy, devicePublic)).payload).toEqual(payload);
  });

  it('a granted reader can pass the grant on after the original DSL has left', async () => {
    const e = await seal([lead]);
    const toDeputy = await grantSlot(e, lead, pub(deputy));
    const toNext = await grantSlot(e, deputy, pub(outsider), toDeputy);
    expect((await openEnvelopeWithGrant(e, toNext, outsider, devicePublic)).payload).toEqual(
      payload,
    );
  });

  it('grantCatalogue grants what it can, skips what the reader already has, lists the rest', async () => {
    const mine = await seal([lead]);
    const already = await seal([lead, deputy]);
    const notMine = await seal([recovery]);
    const { grants, refused } = await grantCatalogue([mine, already, notMine], lead, pub(deputy));
    expect(grants.map((g) => g.envelopeId)).toEqual([mine.id]);
    expect(refused).toEqual([
      { id: notMine.id, reason: 'This envelope was not sealed to your key.' },
    ]);
  });

  it('a key.granted payload of the largest allowed size still fits in one envelope', async () => {
    const e = await seal();
    const grant = await grantSlot(e, lead, pub(deputy));
    const body: KeyGrantPayload = {
      type: 'key.granted',
      to: { kid: deputy.kid, name: 'A deputy with a long-ish name' },
      grants: Array.from({ length: MAX_GRANTS_PER_EVENT }, () => ({
        ...grant,
        envelopeId: ulid(),
      })),
      grantedBy: { kid: lead.kid, name: 'The lead DSL' },
    };
    expect(isKeyGrantPayload(body)).toBe(true);
    const ctBytes = paddedSize(canonicalBytes(body).length) + 16;
    expect(Math.ceil((ctBytes * 4) / 3)).toBeLessThanOrEqual(MAX_CIPHERTEXT_CHARS);
    expect(isKeyGrantPayload({ ...body, grants: [...body.grants, grant] })).toBe(false);
  });
});

describe('grants that must be refused', () => {
  let e: Envelope;
  let other: Envelope;
  let grant: GrantSlot;
  beforeAll(async () => {
    [e, other] = await Promise.all([seal(), seal()]);
    grant = await grantSlot(e, lead, pub(deputy));
  });

  type Case = [name: string, run: () => Promise<unknown>, message: RegExp];
  const cases: Case[] = [
    [
      'a grant for another envelope',
      () => openEnvelopeWithGrant(other, grant, deputy, devicePublic),
      /for a different record/,
    ],
    [
      'a grant relabelled with the other envelope’s id',
      () => openEnvelopeWithGrant(other, { ...grant, envelopeId: other.id }, deputy, devicePublic),
      /could not open this key grant/,
    ],
    [
      'a flipped byte in the grant’s wrapped key',
      () => openEnvelopeWithGrant(e, { ...grant, key: flip(grant.key, 4) }, deputy, devicePublic),
      /could not open this key grant/,
    ],
    [
      'a flipped byte in the grant’s enc',
      () => openEnvelopeWithGrant(e, { ...grant, enc: flip(grant.enc, 9) }, deputy, devicePublic),
      /could not open this key grant/,
    ],
    [
      'someone else’s grant',
      () => openEnvelopeWithGrant(e, grant, outsider, devicePublic),
      /for a different reader/,
    ],
    [
      'someone else’s grant relabelled with their kid',
      () => openEnvelopeWithGrant(e, { ...grant, kid: outsider.kid }, outsider, devicePublic),
      /could not open this key grant/,
    ],
    [
      'a malformed grant',
      () => openEnvelopeWithGrant(e, { ...grant, enc: 'short' }, deputy, devicePublic),
      /malformed/,
    ],
    [
      'a changed envelope header',
      () => openEnvelopeWithGrant({ ...e, seq: e.seq + 1 }, grant, deputy, devicePublic),
      /signature/,
    ],
    [
      'a flipped byte in the envelope ciphertext',
      () => openEnvelopeWithGrant({ ...e, ct: flip(e.ct, 30) }, grant, deputy, devicePublic),
      /signature/,
    ],
    [
      'another device’s key',
      async () =>
        openEnvelopeWithGrant(
          e,
          grant,
          deputy,
          await exportPublicJwk((await generateSigningKeyPair(false)).publicKey),
        ),
      /signature/,
    ],
    [
      'granting from a key that has no slot',
      () => grantSlot(e, outsider, pub(deputy)),
      /not sealed to your key/,
    ],
    [
      'granting to a kid that does not match the public key',
      () => grantSlot(e, lead, { kid: outsider.kid, publicKey: deputy.publicKey }),
      /does not match their public key/,
    ],
    [
      'granting from someone else’s grant',
      () => grantSlot(e, outsider, pub(recovery), grant),
      /for a different reader/,
    ],
    [
      'granting a malformed envelope',
      () => grantSlot({ ...e, v: 2 }, lead, pub(deputy)),
      /Malformed envelope/,
    ],
  ];
  it.each(cases)('%s', async (_name, run, message) => {
    await expect(run()).rejects.toThrow(message);
  });

  it('a forged grant cannot make a record say something else: the MAC refuses it', async () => {
    // Someone who knows the envelope layout wraps a secret of their own choosing to the
    // deputy with the right info and aad. It unwraps, but the device's MAC does not match.
    const { slotAad } = await import('../../../src/crypto/envelope-core.ts');
    const { headerOf } = await import('../../../src/crypto/envelope-format.ts');
    const fake = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await sealToReader(
      deputy.publicKey,
      fake,
      'safetrail/v1/content-key',
      await slotAad(headerOf(e)),
    );
    const forged = { envelopeId: e.id, kid: deputy.kid, enc: wrapped.enc, key: wrapped.ct };
    await expect(openEnvelopeWithGrant(e, forged, deputy, devicePublic)).rejects.toThrow(
      /header or reader list was changed/,
    );
  });

  it('a tampered envelope is never re-granted: the MAC is checked first', async () => {
    // Reader list changed (a slot dropped) and re-signed by the same device: the signature
    // holds but the MAC over the reader list does not.
    const { signObject } = await import('../../../src/crypto/signing.ts');
    const { sig: _sig, ...body } = { ...e, readers: e.readers.slice(0, 1) };
    const resigned = { ...body, sig: await signObject(device.privateKey, body) };
    await expect(grantSlot(resigned, lead, pub(deputy))).rejects.toThrow(
      /header or reader list was changed/,
    );
  });
});

describe('the key.granted payload shape', () => {
  it.each<[string, (p: KeyGrantPayload) => unknown, boolean]>([
    ['well formed', (p) => p, true],
    ['another type', (p) => ({ ...p, type: 'incident.created' }), false],
    ['a grant for someone else', (p) => ({ ...p, to: { ...p.to, kid: 'A'.repeat(22) } }), false],
    ['no name', (p) => ({ ...p, to: { kid: p.to.kid } }), false],
    ['a grant with an extra field', (p) => ({ ...p, grants: [{ ...p.grants[0], x: 1 }] }), false],
    ['not an object', () => 'key.granted', false],
  ])('%s', async (_name, change, ok) => {
    const e = await seal();
    const good: KeyGrantPayload = {
      type: 'key.granted',
      to: { kid: deputy.kid, name: 'B' },
      grants: [await grantSlot(e, lead, pub(deputy))],
      grantedBy: { kid: lead.kid, name: 'A' },
    };
    expect(isKeyGrantPayload(change(good))).toBe(ok);
  });
});
