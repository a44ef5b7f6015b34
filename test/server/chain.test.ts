import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { genesisHead, nextHead, verifyChain } from '../../src/server/chain.ts';
import { API } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  sql,
  startTestServer,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

const T = '2026-03-01T09:00:00.000Z';
const b64 = (text: string) => createHash('sha256').update(text).digest('base64url');

let server: TestServer;
let school: TestSchool;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
  const tablet = await enrolTablet(server, school);
  const envelopes = [
    await seal(school, tablet),
    await seal(school, tablet),
    await seal(school, tablet),
  ];
  expect((await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes })).status).toBe(
    200,
  );
});
afterAll(() => server.close());

describe('the hash chain', () => {
  it('follows the documented formula from the genesis head', async () => {
    expect(await genesisHead('sch1')).toBe(b64('safetrail/v1/genesis|sch1'));
    expect(await nextHead('H0', 1, 'ID', 'HASH')).toBe(b64('H0|1|ID|HASH'));
    const log = sql<{
      idx: number;
      id: string;
      envelope_hash: string;
      prev_head: string;
      head: string;
    }>(server, 'SELECT * FROM log ORDER BY idx');
    let head = b64(`safetrail/v1/genesis|${school.id}`);
    for (const row of log) {
      expect(row.prev_head).toBe(head);
      head = b64(`${head}|${row.idx}|${row.id}|${row.envelope_hash}`);
      expect(row.head).toBe(head);
    }
    expect(await verifyChain(server.store)).toEqual({ ok: true, length: 3, head });
  });

  it('is reported broken when a stored envelope, a head or the order is changed', async () => {
    const [row] = sql<{ body: string; head: string }>(
      server,
      'SELECT body, head FROM log WHERE idx = 2',
    );
    sql(server, 'UPDATE log SET body = ? WHERE idx = 2', row!.body.replace('"seq":', '"seq":1'));
    expect(await verifyChain(server.store)).toMatchObject({ ok: false, index: 2 });
    sql(server, 'UPDATE log SET body = ? WHERE idx = 2', row!.body);
    expect((await verifyChain(server.store)).ok).toBe(true);

    sql(server, 'UPDATE log SET head = ? WHERE idx = 3', b64('forged'));
    expect(await verifyChain(server.store)).toMatchObject({ ok: false, index: 3 });
    sql(server, 'DELETE FROM log WHERE idx = 3');
    sql(server, 'DELETE FROM log WHERE idx = 1');
    expect(await verifyChain(server.store)).toMatchObject({ ok: false, index: 2 });
  });
});

describe('the hash chain with erased entries', () => {
  it('verifies erased entries by their kept hash, and only if the erasure log names them', async () => {
    const s = await startTestServer();
    try {
      const sch = await setupSchool(s);
      const tablet = await enrolTablet(s, sch);
      const envelopes = [await seal(sch, tablet), await seal(sch, tablet), await seal(sch, tablet)];
      await signedFetch(s, tablet, 'POST', API.envelopes, { envelopes });
      const before = await verifyChain(s.store);
      await s.store.eraseEnvelopes(sch.id, [envelopes[1]!.id], sch.dslDevice.id, T);
      expect(await verifyChain(s.store)).toEqual(before);

      // An entry marked erased that no erasure names: a changed body hidden as an erasure.
      sql(s, `UPDATE log SET body = '', erased_at = ? WHERE idx = 3`, T);
      expect(await verifyChain(s.store)).toMatchObject({ ok: false, index: 3 });
      sql(
        s,
        'UPDATE log SET body = ?, erased_at = NULL WHERE idx = 3',
        canonicalJson(envelopes[2]),
      );
      expect((await verifyChain(s.store)).ok).toBe(true);

      // An erased entry that still holds a body, or an erasure whose entry still does.
      sql(s, 'UPDATE log SET body = ? WHERE idx = 2', canonicalJson(envelopes[1]));
      expect(await verifyChain(s.store)).toMatchObject({ ok: false, index: 2 });
      sql(s, 'UPDATE log SET erased_at = NULL WHERE idx = 2');
      expect(await verifyChain(s.store)).toMatchObject({ ok: false, index: 2 });
      sql(s, `UPDATE log SET body = '', erased_at = ? WHERE idx = 2`, T);
      expect(await verifyChain(s.store)).toEqual(before);
    } finally {
      await s.close();
    }
  });
});
