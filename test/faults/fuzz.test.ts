/**
 * Bad input, at volume: at least 10,000 generated malformed, oversized, tampered, replayed
 * and unauthorised requests to every route of a real endpoint over HTTP (16 at a time on
 * kept-alive connections), plus malformed HTTP on raw sockets. Every answer is checked as
 * it comes: never a 5xx, every API refusal a JSON {error, message}, and nothing that must
 * be refused is accepted. At the end the endpoint still answers, its log holds exactly the
 * records delivered properly, devices, codes, recipient sets and policy are unchanged, and
 * the chain verifies. The seed is printed on failure, so a run can be repeated.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashCode, normaliseCode } from '../../src/server/codes.ts';
import { verifyChain } from '../../src/server/chain.ts';
import { isApiPath } from '../../src/server/security-headers.ts';
import { API } from '../../src/sync/protocol.ts';
import { pickGenerator } from './fuzz-cases.ts';
import { rng } from './fuzz-junk.ts';
import { buildWorld, type FuzzRequest, type FuzzWorld } from './fuzz-world.ts';

const TOTAL = 10_000;
const CONCURRENCY = 16;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let w: FuzzWorld;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.server.close());

interface Answer {
  status: number;
  type: string;
  text: string;
}

async function send(req: FuzzRequest): Promise<Answer> {
  const res = await fetch(w.server.url + req.path, {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

function errorBody(text: string): { error?: unknown; message?: unknown } | null {
  try {
    return JSON.parse(text) as { error?: unknown; message?: unknown } | null;
  } catch {
    return null;
  }
}

/** What is wrong with an answer to `req`, or null. */
function problem(req: FuzzRequest, a: Answer): string | null {
  if (a.status >= 500) return `a ${a.status}`;
  // Only the API promises JSON; the app's side answers a plain 404 (the URL may have been
  // normalised out of /api by the client, as "/api/v1/../.." is).
  const api = isApiPath(new URL(req.path, w.server.url).pathname);
  if (a.status >= 400 && !api) return null;
  if (a.status >= 400) {
    const body = errorBody(a.text);
    if (
      !a.type.startsWith('application/json') ||
      typeof body?.error !== 'string' ||
      typeof body.message !== 'string' ||
      !body.message
    )
      return `a ${a.status} without a JSON {error, message}: ${a.text.slice(0, 100)}`;
    return req.expect === 'legit-upload'
      ? `a legitimate upload refused: ${a.text.slice(0, 200)}`
      : null;
  }
  if (req.expect === 'refused') return `accepted with ${a.status}: ${a.text.slice(0, 200)}`;
  if (req.expect === 'no-store' || req.expect === 'legit-upload') {
    const results = (JSON.parse(a.text) as { results: { id: string; status: string }[] }).results;
    for (const r of results) {
      if (req.expect === 'legit-upload' && r.status === 'stored') w.legit.add(r.id);
      else if (r.status === 'stored') return `an envelope was stored: ${JSON.stringify(r)}`;
      else if (r.status === 'duplicate' && !w.legit.has(r.id))
        return `a duplicate of nothing: ${r.id}`;
    }
  }
  return null;
}

describe('the endpoint under bad input', () => {
  it(`answers ${TOTAL.toLocaleString('en-GB')}+ bad requests to every route with 4xx JSON and stores nothing`, async () => {
    const r = rng(SEED);
    const failures: string[] = [];
    const kinds = new Map<number, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < TOTAL && failures.length < 20) {
        const made = await pickGenerator(r)(w, r);
        const batch = Array.isArray(made) ? made : [made];
        sent += batch.length;
        for (const req of batch) {
          const answer = await send(req);
          kinds.set(answer.status, (kinds.get(answer.status) ?? 0) + 1);
          const p = problem(req, answer);
          if (p) failures.push(`${req.method} ${req.path.slice(0, 80)} (${req.expect}): ${p}`);
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `fuzz: ${sent} requests in ${seconds} s, seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries([...kinds].sort()))}`,
    );
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
  });

  it('survives malformed HTTP on raw sockets', async () => {
    const { port } = new URL(w.server.url);
    const raw = [
      'GARBAGE\r\n\r\n',
      'GET /api/v1/health HTTP/9.9\r\n\r\n',
      'POST /api/v1/envelopes HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /api/v1/envelopes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'POST /api/v1/setup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n',
      'GET /api/v1/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX: \u0001\u0002\r\n\r\n',
      `GET /api/v1/${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'POST /api/v1/devices/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{"code":',
    ];
    for (let round = 0; round < 10; round++) {
      const statuses = await Promise.all(raw.map((text) => rawSend(Number(port), text)));
      for (const s of statuses)
        expect(s === null || (s >= 400 && s < 500) || s === 200, String(s)).toBe(true);
    }
  });

  it('is still up, with exactly what was delivered properly, and nothing else changed', async () => {
    expect((await fetch(w.server.url + API.health)).status).toBe(200);
    const log = await w.server.store.readLog(w.school.id, 0, 10_000, Infinity);
    expect(new Set(log.map((e) => e.id))).toEqual(w.legit);
    expect((await verifyChain(w.server.store)).ok).toBe(true);
    expect(await w.server.store.listDevices(w.school.id)).toHaveLength(4);
    expect((await w.server.store.latestRecipientSet(w.school.id))?.version).toBe(1);
    expect(await w.server.store.getPolicy(w.school.id)).toBeNull();
    const code = await w.server.store.getEnrollmentCode(await hashCode(normaliseCode(w.code)!));
    expect(code?.usedAt).toBeNull();
    expect(await w.server.store.listSchools()).toHaveLength(1);
    expect(w.server.logs()).not.toContain('"msg":"request failed"');
  });
});

/** Writes `text`, half-closes, and answers the status the server sent back (null if none). */
function rawSend(port: number, text: string): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const done = () =>
      resolve(/^HTTP\/1\.1 (\d{3})/.exec(got) ? Number(/^HTTP\/1\.1 (\d{3})/.exec(got)![1]) : null);
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('data', (c) => (got += String(c)));
    socket.on('error', () => undefined);
    socket.on('close', done);
    socket.end(text);
  });
}
