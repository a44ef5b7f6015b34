import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { API } from '../../src/sync/protocol.ts';
import { AUTH_HEADERS, REPLAY_WINDOW_MS, signRequest } from '../../src/sync/request-auth.ts';
import { withEnrolledSchool, type EnrolledSchool } from './enrolled-school.ts';
import { enrolTablet, rows, seal, signedFetch, sql } from './helpers.ts';

let { server, school, tablet } = {} as EnrolledSchool;
withEnrolledSchool((env) => ({ server, school, tablet } = env));

async function uploadBody() {
  return JSON.stringify({ envelopes: [await seal(school, tablet)] });
}

function send(headers: Record<string, string>, body: string, path: string = API.envelopes) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
}

async function expectRefused(res: Response, status: number, error: string): Promise<string> {
  expect(res.status).toBe(status);
  const json = (await res.json()) as { error: string; message: string };
  expect(json.error).toBe(error);
  expect(rows(server, 'log')).toBe(0);
  return json.message;
}

describe('device authentication', () => {
  it('refuses a request without signature headers', async () => {
    await expectRefused(await send({}, await uploadBody()), 401, 'unauthenticated');
    const headers = await signRequest(
      tablet.id,
      tablet.keys.privateKey,
      'POST',
      API.envelopes,
      await uploadBody(),
    );
    const { [AUTH_HEADERS.nonce]: _n, ...withoutNonce } = headers;
    await expectRefused(await send(withoutNonce, await uploadBody()), 401, 'unauthenticated');
  });

  it('refuses an unknown device and a device that was never enrolled', async () => {
    const stranger = {
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      keys: await generateSigningKeyPair(false),
      publicJwk: tablet.publicJwk,
    };
    await expectRefused(
      await signedFetch(server, stranger, 'POST', API.envelopes, await uploadBody()),
      401,
      'unknown-device',
    );
  });

  it('refuses a signature by another key, or over another body or path', async () => {
    const other = await generateSigningKeyPair(false);
    await expectRefused(
      await signedFetch(server, tablet, 'POST', API.envelopes, await uploadBody(), {
        key: other.privateKey,
      }),
      401,
      'bad-signature',
    );
    const body = await uploadBody();
    const headers = await signRequest(
      tablet.id,
      tablet.keys.privateKey,
      'POST',
      API.envelopes,
      body,
    );
    await expectRefused(await send(headers, await uploadBody()), 401, 'bad-signature');
    const pull = await signRequest(
      school.dslDevice.id,
      school.dslDevice.keys.privateKey,
      'GET',
      API.envelopes,
      '',
    );
    const res = await fetch(`${server.url}${API.envelopes}?after=0`, { headers: pull });
    await expectRefused(res, 401, 'bad-signature');
  });

  it('refuses a request stamped outside the replay window, saying to check the clock', async () => {
    const past = await signedFetch(server, tablet, 'POST', API.envelopes, await uploadBody(), {
      now: Date.now() - REPLAY_WINDOW_MS - 60_000,
    });
    expect(await expectRefused(past, 401, 'stale-request')).toMatch(/clock|date and time/);
    const future = await signedFetch(server, tablet, 'POST', API.envelopes, await uploadBody(), {
      now: Date.now() + REPLAY_WINDOW_MS + 60_000,
    });
    await expectRefused(future, 401, 'stale-request');
  });

  it('refuses a replayed request, including two copies sent at once', async () => {
    const pullHeaders = await signRequest(
      school.dslDevice.id,
      school.dslDevice.keys.privateKey,
      'GET',
      API.devices,
      '',
    );
    expect((await fetch(server.url + API.devices, { headers: pullHeaders })).status).toBe(200);
    await expectRefused(
      await fetch(server.url + API.devices, { headers: pullHeaders }),
      401,
      'replayed-request',
    );
    const twin = await signRequest(
      school.dslDevice.id,
      school.dslDevice.keys.privateKey,
      'GET',
      API.devices,
      '',
    );
    const both = await Promise.all([
      fetch(server.url + API.devices, { headers: twin }),
      fetch(server.url + API.devices, { headers: twin }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('refuses a revoked device with 403', async () => {
    const revoked = await enrolTablet(server, school, 'Lost tablet');
    sql(
      server,
      'UPDATE devices SET revoked_at = ? WHERE id = ?',
      new Date().toISOString(),
      revoked.id,
    );
    await expectRefused(
      await signedFetch(server, revoked, 'POST', API.envelopes, await uploadBody()),
      403,
      'device-revoked',
    );
  });

  it('accepts the same device once everything is right', async () => {
    const res = await signedFetch(server, tablet, 'POST', API.envelopes, await uploadBody());
    expect(res.status).toBe(200);
    expect(rows(server, 'log')).toBe(1);
  });
});
