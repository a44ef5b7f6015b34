/**
 * Whatever is thrown at it, the endpoint answers a 4xx with a JSON error, keeps serving,
 * stores nothing, and neither its database nor its log ever holds what a record says or
 * a secret from the request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, MAX_BODY_BYTES } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  postJson,
  rows,
  seal,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

const MARKER = 'MARKER-7f3a-Child-said-something';
let server: TestServer;
let school: TestSchool;
let tablet: TestDevice;
let setupCode: string;

beforeAll(async () => {
  server = await startTestServer();
  setupCode = server.setupCode!;
  // The set-up link as the console prints it: its code must not reach the log.
  await fetch(`${server.url}/setup?code=${setupCode}`);
  school = await setupSchool(server);
  tablet = await enrolTablet(server, school);
});
afterAll(() => server.close());

type BadRequest = [name: string, send: () => Promise<Response>];

const bad: BadRequest[] = [
  [
    'malformed JSON carrying the marker',
    () => signedFetch(server, tablet, 'POST', API.envelopes, `{"envelopes": ["${MARKER}"`),
  ],
  [
    'JSON that is a string',
    () => signedFetch(server, tablet, 'POST', API.envelopes, JSON.stringify(MARKER)),
  ],
  [
    'envelopes of the wrong type',
    () => signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: MARKER }),
  ],
  ['an unsigned upload', () => postJson(server, API.envelopes, { envelopes: [{ note: MARKER }] })],
  [
    'a wrong content type',
    () =>
      fetch(server.url + API.envelopes, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: MARKER,
      }),
  ],
  ['no content type', () => fetch(server.url + API.register, { method: 'POST', body: MARKER })],
  [
    'an oversized body',
    () => postJson(server, API.register, { code: MARKER, pad: 'x'.repeat(MAX_BODY_BYTES) }),
  ],
  [
    'a register with wrong types',
    () => postJson(server, API.register, { code: 42, device: [MARKER] }),
  ],
  [
    'a register with a huge code',
    () => postJson(server, API.register, { code: MARKER.repeat(100), device: {} }),
  ],
  ['a setup after set-up', () => postJson(server, API.setup, { setupCode: MARKER })],
  ['a setup that is an array', () => postJson(server, API.setup, [MARKER])],
  ['deeply nested JSON', () => postJson(server, API.register, '['.repeat(5000) + ']'.repeat(5000))],
  [
    'a bad pull query',
    () => signedFetch(server, school.dslDevice, 'GET', `${API.envelopes}?after=${MARKER}`),
  ],
  ['a pull by a tablet', () => signedFetch(server, tablet, 'GET', API.envelopes)],
  [
    'a bogus device header',
    () =>
      fetch(server.url + API.devices, {
        headers: {
          'x-safetrail-device': MARKER,
          'x-safetrail-time': '1',
          'x-safetrail-nonce': 'x'.repeat(22),
          'x-safetrail-signature': MARKER,
        },
      }),
  ],
  [
    'a recipient-set update that is not a set',
    () => signedFetch(server, school.dslDevice, 'POST', API.recipientSet, { readers: MARKER }),
  ],
  ['an unknown API route', () => fetch(`${server.url}/api/v1/${MARKER}`)],
  ['a bad percent-encoding in the app', () => fetch(`${server.url}/%E0%A4%A${MARKER}`)],
  ['a bad percent-encoding', () => fetch(`${server.url}/api/v1/%E0%A4%A${MARKER}`)],
];

describe('bad input', () => {
  it.each(bad)('%s: a 4xx JSON error, the server still up, nothing stored', async (_name, send) => {
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (res.headers.get('content-type')?.includes('json')) {
      const body = (await res.json()) as { error: unknown; message: unknown };
      expect(typeof body.error).toBe('string');
      expect(typeof body.message).toBe('string');
      expect(JSON.stringify(body)).not.toContain(MARKER);
    }
    expect((await fetch(server.url + API.health)).status).toBe(200);
    expect(rows(server, 'log')).toBe(0);
  });
});

describe('what is written down', () => {
  it('neither the database files nor the log hold record content or request secrets', async () => {
    const sealed = await seal(school, tablet, { what: MARKER, where: 'Playground' });
    const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: [sealed] });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]!.status).toBe(
      'stored',
    );
    expect(rows(server, 'log')).toBe(1);
    for (const file of readdirSync(server.dataDir)) {
      expect(readFileSync(join(server.dataDir, file)).includes(MARKER), file).toBe(false);
    }
    const logs = server.logs();
    expect(logs).toContain('"url":"/api/v1/envelopes"'); // the log is really being captured
    expect(logs).toContain('"url":"/setup"');
    for (const secret of [MARKER, setupCode, 'x-safetrail-signature', sealed.ct.slice(0, 40)]) {
      expect(logs).not.toContain(secret);
    }
    for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
