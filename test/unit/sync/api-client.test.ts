import { beforeAll, describe, expect, it } from 'vitest';
import { exportPublicJwk, generateSigningKeyPair } from '../../../src/crypto/signing.ts';
import { ApiError, createApiClient, UNREACHABLE } from '../../../src/sync/api-client.ts';
import { TransportError } from '../../../src/sync/engine.ts';
import { AUTH_HEADERS, verifyRequestSignature } from '../../../src/sync/request-auth.ts';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

let device: CryptoKeyPair;

beforeAll(async () => {
  device = await generateSigningKeyPair(false);
});

function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>) {
  const calls: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const seen: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    };
    calls.push(seen);
    return respond(seen);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function signatureHolds(seen: Seen, path: string) {
  const h = seen.headers;
  return verifyRequestSignature(
    device.publicKey,
    h[AUTH_HEADERS.signature]!,
    seen.method,
    path,
    h[AUTH_HEADERS.time]!,
    h[AUTH_HEADERS.nonce]!,
    seen.body ?? '',
  );
}

describe('createApiClient', () => {
  it('uploads the canonical strings byte for byte, signed over exactly that body', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(200, { results: [{ id: 'a', status: 'rejected', error: 'x', message: 'y' }] }),
    );
    const api = createApiClient({
      endpoint: 'https://school.example/',
      fetch,
      device: { deviceId: 'dev1', signingKey: device.privateKey },
    });
    const envelopes = ['{"b":1,"a":"é"}', '{"id":"2"}'];
    const results = await api.uploadTransport().upload(envelopes);
    expect(results).toEqual([{ id: 'a', status: 'rejected', error: 'x', message: 'y' }]);
    const [seen] = calls;
    expect(seen!.url).toBe('https://school.example/api/v1/envelopes');
    expect(seen!.method).toBe('POST');
    expect(seen!.body).toBe('{"envelopes":[{"b":1,"a":"é"},{"id":"2"}]}');
    expect(seen!.headers['content-type']).toBe('application/json');
    expect(seen!.headers[AUTH_HEADERS.device]).toBe('dev1');
    expect(await signatureHolds(seen!, '/api/v1/envelopes')).toBe(true);
  });

  it('signs the pull path together with its query', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { envelopes: [], cursor: 7, more: false }));
    const api = createApiClient({
      endpoint: 'https://s.example',
      fetch,
      device: { deviceId: 'dsl1', signingKey: device.privateKey },
    });
    expect(await api.pull(7, 50)).toEqual({ envelopes: [], cursor: 7, more: false });
    expect(calls[0]!.url).toBe('https://s.example/api/v1/envelopes?after=7&limit=50');
    expect(calls[0]!.body).toBeUndefined();
    expect(await signatureHolds(calls[0]!, '/api/v1/envelopes?after=7&limit=50')).toBe(true);
    expect(await signatureHolds(calls[0]!, '/api/v1/envelopes')).toBe(false);
  });

  it('sends public calls unsigned', async () => {
    const receiptKey = await exportPublicJwk(device.publicKey);
    const { fetch, calls } = fakeFetch(() =>
      json(200, { configured: false, school: null, receiptKey }),
    );
    const api = createApiClient({ endpoint: 'https://s.example', fetch });
    expect((await api.schoolStatus()).configured).toBe(false);
    expect(calls[0]!.headers[AUTH_HEADERS.signature]).toBeUndefined();
  });

  it('sends the enrollment-code lifetime as JSON', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(201, { code: 'ABCD-EFGH-JKLM', expiresAt: '2030-01-01T00:00:00.000Z' }),
    );
    const api = createApiClient({
      endpoint: 'https://s.example',
      fetch,
      device: { deviceId: 'dsl1', signingKey: device.privateKey },
    });
    await api.createEnrollmentCode({ ttlMinutes: 30 });
    await api.createEnrollmentCode();
    expect(calls.map((c) => c.body)).toEqual(['{"ttlMinutes":30}', '{}']);
  });

  it('refuses a signed call on a device that is not enrolled, without sending anything', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    await expect(
      createApiClient({ endpoint: 'https://s.example', fetch }).listDevices(),
    ).rejects.toThrow(/not enrolled/);
    expect(calls).toHaveLength(0);
  });

  it('turns a network failure into a retryable error a person can read', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const api = createApiClient({
      endpoint: 'https://s.example',
      fetch,
      device: { deviceId: 'd', signingKey: device.privateKey },
    });
    const error = await api
      .uploadTransport()
      .upload(['{}'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ retryable: true, message: UNREACHABLE });
  });

  it.each([
    [401, { error: 'unknown-device', message: 'This device is not enrolled.' }, false],
    [403, { error: 'revoked', message: 'This device was removed.' }, false],
    [503, { error: 'unavailable', message: 'Try later.' }, true],
    [429, { error: 'slow-down', message: 'Too many requests.' }, true],
  ])(
    'maps HTTP %s with an error body to ApiError (retryable: %s)',
    async (status, body, retryable) => {
      const { fetch } = fakeFetch(() => json(status, body));
      const api = createApiClient({
        endpoint: 'https://s.example',
        fetch,
        device: { deviceId: 'd', signingKey: device.privateKey },
      });
      const error = await api
        .uploadTransport()
        .upload(['{}'])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ status, error: body.error, message: body.message, retryable });
    },
  );

  it('gives a plain message when an error page is not JSON', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await createApiClient({ endpoint: 'https://s.example', fetch })
      .schoolStatus()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, error: 'http-502', retryable: true });
    expect((error as Error).message).toMatch(/had a problem \(HTTP 502\)\. Nothing has been lost/);
  });

  it('treats an unreadable success answer as retryable, never as delivered', async () => {
    const { fetch } = fakeFetch(() => json(200, { nothing: true }));
    const api = createApiClient({
      endpoint: 'https://s.example',
      fetch,
      device: { deviceId: 'd', signingKey: device.privateKey },
    });
    await expect(api.uploadTransport().upload(['{}'])).rejects.toMatchObject({
      name: 'TransportError',
      retryable: true,
    });
  });
});
