import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { envelopeHash, type Envelope } from '../../src/crypto/envelope.ts';
import { verifyChain } from '../../src/server/chain.ts';
import {
  API,
  MAX_BATCH,
  MAX_BODY_BYTES,
  type DeviceInfo,
  type UploadItemResult,
} from '../../src/sync/protocol.ts';
import { verifyReceipt, type Receipt } from '../../src/sync/receipt.ts';
import { signRequest } from '../../src/sync/request-auth.ts';
import { uploadAs, withEnrolledSchool, type EnrolledSchool } from './enrolled-school.ts';
import { rows, seal, signedFetch, sql } from './helpers.ts';

let { server, school, tablet } = {} as EnrolledSchool;
withEnrolledSchool((env) => ({ server, school, tablet } = env));

const upload = (envelopes: unknown[], device = tablet) => uploadAs(server, device, envelopes);

async function expectReceipt(result: UploadItemResult | undefined, e: Envelope): Promise<Receipt> {
  expect(result?.status === 'stored' || result?.status === 'duplicate').toBe(true);
  const receipt = (result as { receipt: Receipt }).receipt;
  expect(
    await verifyReceipt(
      receipt,
      { id: e.id, envelopeHash: await envelopeHash(e), school: school.id },
      school.receiptKey,
    ),
  ).toBe(true);
  return receipt;
}

describe('storing envelopes', () => {
  it('stores a batch in order with receipts that verify and a chain that verifies', async () => {
    const batch = [
      await seal(school, tablet),
      await seal(school, tablet),
      await seal(school, tablet),
    ];
    const results = await upload(batch);
    expect(results.map((r) => [r.id, r.status])).toEqual(batch.map((e) => [e.id, 'stored']));
    const receipts = await Promise.all(results.map((r, i) => expectReceipt(r, batch[i]!)));
    expect(receipts.map((r) => r.logIndex)).toEqual([1, 2, 3]);
    const chain = await verifyChain(server.store);
    expect(chain).toEqual({ ok: true, length: 3, head: receipts[2]!.chainHead });
    // The stored body is the canonical JSON of exactly what was sent.
    expect(
      sql<{ body: string }>(server, 'SELECT body FROM log WHERE id = ?', batch[1]!.id)[0]!.body,
    ).toBe(canonicalJson(batch[1]));
  });

  it('answers a retried upload with the byte-identical original receipt', async () => {
    const e = await seal(school, tablet);
    const [first] = await upload([e]);
    const count = rows(server, 'log');
    const [again] = await upload([JSON.parse(JSON.stringify(e))]);
    expect(again?.status).toBe('duplicate');
    expect(JSON.stringify((again as { receipt: Receipt }).receipt)).toBe(
      JSON.stringify((first as { receipt: Receipt }).receipt),
    );
    expect(rows(server, 'log')).toBe(count);
  });

  it('refuses different bytes under a known id as a conflict and keeps the original', async () => {
    const original = await seal(school, tablet, { note: 'first' });
    await upload([original]);
    const impostor = await seal(school, tablet, { note: 'second' }, { id: original.id });
    const [result] = await upload([impostor]);
    expect(result).toMatchObject({ id: original.id, status: 'conflict', error: 'id-conflict' });
    expect(
      sql<{ body: string }>(server, 'SELECT body FROM log WHERE id = ?', original.id)[0]!.body,
    ).toBe(canonicalJson(original));
    expect((await verifyChain(server.store)).ok).toBe(true);
  });

  it('records when the device was last seen', async () => {
    const list = (await (
      await signedFetch(server, school.dslDevice, 'GET', API.devices)
    ).json()) as { devices: DeviceInfo[] };
    expect(Date.parse(list.devices.find((d) => d.id === tablet.id)!.lastSeenAt!)).toBeGreaterThan(
      Date.now() - 60_000,
    );
  });
});

describe('refusing envelopes item by item', () => {
  it('rejects malformed, tampered, misattributed and unknown-set envelopes, and stores the good one beside them', async () => {
    const count = rows(server, 'log');
    const good = await seal(school, tablet);
    const tampered = { ...(await seal(school, tablet)), seq: 999 };
    const { sig: _sig, ...unsigned } = await seal(school, tablet);
    const otherDevice = await seal(school, tablet, {}, { device: school.dslDevice.id });
    const otherSchool = await seal(school, tablet, {}, { school: 'another-school' });
    const futureSet = await seal(school, tablet, {}, { recipientSet: 2 });
    const results = await upload([
      unsigned,
      tampered,
      good,
      otherDevice,
      otherSchool,
      futureSet,
      'not an envelope',
      null,
    ]);
    expect(results.map((r) => [r.status, 'error' in r ? r.error : ''])).toEqual([
      ['rejected', 'malformed-envelope'],
      ['rejected', 'bad-signature'],
      ['stored', ''],
      ['rejected', 'wrong-device'],
      ['rejected', 'wrong-device'],
      ['rejected', 'unknown-recipient-set'],
      ['rejected', 'malformed-envelope'],
      ['rejected', 'malformed-envelope'],
    ]);
    expect((results[0] as { message: string }).message).toContain('"sig"');
    expect(results[1]!.id).toBe(tampered.id);
    expect(rows(server, 'log')).toBe(count + 1);
  });

  it('answers 200 when every item is rejected', async () => {
    const results = await upload([{ v: 1 }]);
    expect(results[0]).toMatchObject({ status: 'rejected', error: 'malformed-envelope' });
  });
});

describe('refusing whole uploads', () => {
  async function expectError(res: Response, status: number, error: string) {
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(error);
  }

  it('refuses bodies that are not {envelopes: [1..MAX_BATCH]}', async () => {
    const count = rows(server, 'log');
    const e = await seal(school, tablet);
    for (const body of [{}, [], { envelopes: [] }, { envelopes: e }, 'null', '42']) {
      await expectError(
        await signedFetch(server, tablet, 'POST', API.envelopes, body),
        400,
        'invalid-request',
      );
    }
    await expectError(
      await signedFetch(server, tablet, 'POST', API.envelopes, {
        envelopes: Array(MAX_BATCH + 1).fill(e),
      }),
      400,
      'invalid-request',
    );
    expect(rows(server, 'log')).toBe(count);
  });

  it('refuses malformed JSON, other content types and oversized bodies', async () => {
    await expectError(
      await signedFetch(server, tablet, 'POST', API.envelopes, '{"envelopes": ['),
      400,
      'malformed-json',
    );
    const text = JSON.stringify({ envelopes: [await seal(school, tablet)] });
    const headers = await signRequest(
      tablet.id,
      tablet.keys.privateKey,
      'POST',
      API.envelopes,
      text,
    );
    const plain = await fetch(server.url + API.envelopes, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: text,
    });
    await expectError(plain, 415, 'unsupported-media-type');
    const huge = JSON.stringify({ envelopes: [{ ct: 'A'.repeat(MAX_BODY_BYTES) }] });
    await expectError(
      await signedFetch(server, tablet, 'POST', API.envelopes, huge),
      413,
      'body-too-large',
    );
    expect((await fetch(server.url + API.health)).status).toBe(200);
  });
});
