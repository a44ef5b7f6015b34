import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
