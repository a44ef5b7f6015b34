/**
 * The school the fuzz test attacks: a real endpoint (SQLite, rate limit off so the limiter
 * does not answer everything) with a set-up school, an approved tablet, a revoked tablet,
 * a pending DSL device and an unused enrollment code, plus a pool of sealed envelopes to
 * tamper with. `legit` collects every envelope id the test itself delivered properly: at
 * the end, the log must hold exactly those.
 */
import type { Envelope } from '../../src/crypto/envelope.ts';
import { API } from '../../src/sync/protocol.ts';
import { signRequest } from '../../src/sync/request-auth.ts';
import {
  createCode,
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from '../server/helpers.ts';
import { enrolDsl, revoke } from '../server/lifecycle-helpers.ts';
import type { Rng } from './fuzz-junk.ts';

export interface FuzzWorld {
  server: TestServer;
  school: TestSchool;
  dsl: TestDevice;
  tablet: TestDevice;
  revoked: TestDevice;
  pending: TestDevice;
  /** An enrollment code nobody redeems: bad-proof attempts must leave it unused. */
  code: string;
  /** Sealed by the tablet, never uploaded: material for tampering. */
  pool: Envelope[];
  /** Delivered properly before the fuzz: material for replays. */
  stored: Envelope[];
  legit: Set<string>;
}

export async function buildWorld(): Promise<FuzzWorld> {
  // A stand-in build, so paths the client normalises out of /api meet the app, not a 503.
  const dist = { 'index.html': '<!doctype html><title>Safetrail</title>' };
  const server = await startTestServer(dist, { rateLimit: { perMinute: 0, burst: 1 } });
  const school = await setupSchool(server);
  const tablet = await enrolTablet(server, school, 'Tablet');
  const revoked = await enrolTablet(server, school, 'Lost tablet');
  const pending = await enrolDsl(server, school, 'Pending phone');
  await revoke(server, school.dslDevice, revoked.id);
  const code = await createCode(server, school.dslDevice);
  const pool: Envelope[] = [];
  for (let i = 0; i < 60; i++) pool.push(await seal(school, tablet, { note: `pool ${i}` }));
  const stored: Envelope[] = [];
  for (let i = 0; i < 20; i++) stored.push(await seal(school, tablet, { note: `stored ${i}` }));
  const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: stored });
  if (res.status !== 200) throw new Error(`could not store: ${res.status}`);
  return {
    ...{ server, school, dsl: school.dslDevice, tablet, revoked, pending, code, pool, stored },
    legit: new Set(stored.map((e) => e.id)),
  };
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * refused: a 4xx. no-store: a 4xx, or 200 storing nothing new. any: anything but a 5xx
   * (a legitimate request, or junk that may happen to be valid). legit-upload: a proper
   * upload whose stored ids join `legit`.
   */
  expect: 'refused' | 'no-store' | 'any' | 'legit-upload';
}

/** A generator: one request, or several to send in order (a request and its replay). */
export type Gen = (
  w: FuzzWorld,
  r: import('./fuzz-junk.ts').Rng,
) => Promise<FuzzRequest | FuzzRequest[]>;

/** A request signed by `device` over exactly `body`, with optional changes after signing. */
export async function signed(
  device: TestDevice,
  method: string,
  path: string,
  body: string | undefined,
  expect: FuzzRequest['expect'],
  options: { now?: number; key?: CryptoKey } = {},
): Promise<FuzzRequest> {
  const headers = await signRequest(
    device.id,
    options.key ?? device.keys.privateKey,
    method,
    path,
    body ?? '',
    options.now,
  );
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { method, path, headers, body, expect };
}

/** An upload's body; tampered items need not be canonical (the endpoint re-encodes to hash). */
export const uploadBody = (items: unknown[]) => JSON.stringify({ envelopes: items });
