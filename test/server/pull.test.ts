import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import { API, MAX_PULL, type PullResponse } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let school: TestSchool;
let tablet: TestDevice;
const sent: Envelope[] = [];

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
  tablet = await enrolTablet(server, school);
  for (let i = 0; i < 5; i++) sent.push(await seal(school, tablet, { n: i }));
  const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: sent });
  expect(res.status).toBe(200);
});
afterAll(() => server.close());

async function pull(query: string, device: TestDevice = school.dslDevice) {
  return signedFetch(server, device, 'GET', `${API.envelopes}${query}`);
}

async function page(query: string): Promise<PullResponse> {
  const res = await pull(query);
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
}

describe('pulling by cursor', () => {
  it('pages through the log in order with a correct cursor and "more"', async () => {
    const first = await page('?after=0&limit=2');
    expect(first.envelopes.map((e) => e.logIndex)).toEqual([1, 2]);
    expect([first.cursor, first.more]).toEqual([2, true]);
    const second = await page(`?after=${first.cursor}&limit=2`);
    expect(second.envelopes.map((e) => e.logIndex)).toEqual([3, 4]);
    expect([second.cursor, second.more]).toEqual([4, true]);
    const last = await page(`?after=${second.cursor}&limit=2`);
    expect(last.envelopes.map((e) => e.logIndex)).toEqual([5]);
    expect([last.cursor, last.more]).toEqual([5, false]);
    const none = await page('?after=5');
    expect(none).toEqual({ envelopes: [], cursor: 5, more: false });
    const pulled = [...first.envelopes, ...second.envelopes, ...last.envelopes];
    expect(pulled.map((p) => p.envelope)).toEqual(sent);
    expect(pulled.every((p) => !Number.isNaN(Date.parse(p.receivedAt)))).toBe(true);
  });

  it('defaults to the start of the log, and pulled envelopes open for the DSL', async () => {
    const all = await page('');
    expect(all.envelopes).toHaveLength(5);
    expect(all.more).toBe(false);
    const opened = await openEnvelope<{ n: number }>(
      all.envelopes[3]!.envelope,
      school.dsl,
      tablet.publicJwk,
    );
    expect(opened.payload).toEqual({ n: 3 });
  });

  it('is for DSL devices only', async () => {
    const res = await pull('?after=0', tablet);
    expect(res.status).toBe(403);
  });

  it.each([
    '?limit=0',
    `?limit=${MAX_PULL + 1}`,
    '?after=-1',
    '?after=abc',
    '?limit=1.5',
    '?after=1&after=2',
    '?after=1e3',
  ])('refuses the query %s with 400', async (query) => {
    const res = await pull(query);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid-query');
  });
});

describe('pulling large envelopes', () => {
  it('stops a page short of the limit rather than exceed the byte budget, and says there is more', async () => {
    const big = { pad: 'x'.repeat(600_000) }; // pads to 1 MiB: ~1.4 MB of JSON per envelope
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const e = await seal(school, tablet, big);
      ids.push(e.id);
      const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: [e] });
      expect(res.status).toBe(200);
    }
    const first = await page('?after=5&limit=10');
    expect(first.envelopes.map((e) => e.envelope.id)).toEqual(ids.slice(0, 2));
    expect([first.cursor, first.more]).toEqual([7, true]);
    const rest = await page(`?after=${first.cursor}&limit=10`);
    expect(rest.envelopes.map((e) => e.envelope.id)).toEqual(ids.slice(2));
    expect([rest.cursor, rest.more]).toEqual([8, false]);
  });
});
