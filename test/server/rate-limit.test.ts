/**
 * Requests per device: a burst, then a steady rate; past it, 429 with Retry-After and the
 * usual JSON, for that device only. A tablet's sync that meets the limit keeps its records
 * and tries again later (nothing is rejected), and unsigned junk naming a device cannot use
 * up that device's allowance.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { envelopeHash } from '../../src/crypto/envelope.ts';
import { RateLimiter } from '../../src/server/rate-limit.ts';
import { createApiClient } from '../../src/sync/api-client.ts';
import { runUpload } from '../../src/sync/engine.ts';
import { createMemoryOutboxStore } from '../../src/sync/outbox.ts';
import { API } from '../../src/sync/protocol.ts';
import { AUTH_HEADERS } from '../../src/sync/request-auth.ts';
import { withSchool } from './enrolled-school.ts';
import { enrolTablet, seal, signedFetch } from './helpers.ts';

describe('the token bucket', () => {
  it('allows a burst, then the rate, per key, and says how long to wait', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take('a', 1000))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 1000)).toBe(1);
    expect(limiter.take('b', 1000)).toBe(0);
    expect(limiter.take('a', 2000)).toBe(0);
    expect(limiter.take('a', 2000)).toBe(1);
    expect(new RateLimiter({ perMinute: 0, burst: 1 }).take('a', 0)).toBe(0);
  });
});

describe('rate limits over HTTP', () => {
  let clock = Date.now();
  const env = withSchool({
    rateLimit: { perMinute: 60, burst: 5 },
    now: () => clock,
  });

  it('answers 429 with Retry-After past the burst, for that device only', async () => {
    const tablet = await enrolTablet(env.server, env.school, 'Busy tablet');
    const self = () =>
      signedFetch(env.server, tablet, 'GET', API.deviceSelf, undefined, { now: clock });
    for (let i = 0; i < 5; i++) expect((await self()).status).toBe(200);
    // Junk naming the device, unsigned: refused as such, and it costs the device nothing.
    const junk = await fetch(env.server.url + API.deviceSelf, {
      headers: { [AUTH_HEADERS.device]: tablet.id, [AUTH_HEADERS.time]: String(clock) },
    });
    expect(junk.status).toBe(401);
    const limited = await self();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({
      error: 'rate-limited',
      message: expect.any(String),
    });
    const other = await signedFetch(
      env.server,
      env.school.dslDevice,
      'GET',
      API.devices,
      undefined,
      {
        now: clock,
      },
    );
    expect(other.status).toBe(200);
    clock += 1000;
    expect((await self()).status).toBe(200);
    expect((await self()).status).toBe(429);
  });

  it('leaves a sync that meets the limit with everything queued, to retry later', async () => {
    const tablet = await enrolTablet(env.server, env.school, 'Catching-up tablet');
    const outbox = createMemoryOutboxStore();
    for (let i = 0; i < 12; i++) {
      const e = await seal(env.school, tablet);
      outbox.add({
        id: e.id,
        seq: i,
        envelope: canonicalJson(e),
        hash: await envelopeHash(e),
        school: env.school.id,
      });
    }
    const api = createApiClient({
      endpoint: env.server.url,
      device: { deviceId: tablet.id, signingKey: tablet.keys.privateKey },
    });
    // The client signs with the real clock; the endpoint's fake one stays within a minute of it.
    const sync = () =>
      runUpload({
        store: outbox,
        transport: api.uploadTransport(),
        receiptKey: env.school.receiptKey,
        school: env.school.id,
        now: () => clock,
        batchSize: 1,
        force: true,
      });
    const first = await sync();
    expect(first.delivered).toBe(5);
    expect(first.rejected).toBe(0);
    expect(first.remaining).toBe(7);
    expect(first.error).toMatch(/too many requests/);
    clock += 60_000;
    const second = await sync();
    expect(second).toMatchObject({ delivered: 5, rejected: 0, remaining: 2 });
  });
});
