import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.ts';
import { API } from '../../src/sync/protocol.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const INDEX =
  '<!doctype html><title>Safetrail</title><script type="module" src="/assets/index-abc123.js"></script>';
let built: TestServer;
let unbuilt: TestServer;

beforeAll(async () => {
  built = await startTestServer({
    'index.html': INDEX,
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'manifest.webmanifest': '{"name":"Safetrail"}',
    'assets/index-abc123.js': 'console.log("app");',
    'assets/index-abc123.css': 'body{margin:0}',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '.env': 'SECRET=dotfile',
  });
  // A file just outside DIST_DIR that traversal would reach.
  writeFileSync(join(built.distDir, '..', 'secret.txt'), 'TOP-SECRET');
  unbuilt = await startTestServer('none');
});
afterAll(async () => {
  await built.close();
  await unbuilt.close();
});

/** A request with the path sent exactly as written (fetch would normalise "..").  */
function raw(server: TestServer, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving the built app', () => {
  it('serves index.html at / and for client routes, never cached, with the security headers', async () => {
    for (const path of [
      '/',
      '/setup?code=ABCD-EFGH-JKMN',
      '/enroll',
      '/console/devices',
      '/capture/new',
    ]) {
      const res = await fetch(built.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets as immutable and the shell files as no-cache, with their types', async () => {
    const cases: [string, string, string][] = [
      [
        '/assets/index-abc123.js',
        'text/javascript; charset=utf-8',
        'public, max-age=31536000, immutable',
      ],
      [
        '/assets/index-abc123.css',
        'text/css; charset=utf-8',
        'public, max-age=31536000, immutable',
      ],
      ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
      ['/icon.svg', 'image/svg+xml', 'no-cache'],
    ];
    for (const [path, type, cache] of cases) {
      const res = await fetch(built.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(res.headers.get('cache-control'), path).toBe(cache);
    }
  });

  it('answers a revalidation with 304', async () => {
    const first = await fetch(`${built.url}/sw.js`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await fetch(`${built.url}/sw.js`, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );
  });

  it('answers 404 for a missing file with an extension, and JSON 404 for unknown API routes', async () => {
    expect((await fetch(`${built.url}/assets/missing-000.js`)).status).toBe(404);
    const api = await fetch(`${built.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(((await api.json()) as { error: string }).error).toBe('not-found');
    const post = await fetch(`${built.url}/api/v2/whatever`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(((await post.json()) as { error: string }).error).toBe('not-found');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/%2eenv',
    '/assets/%00.js',
  ])('refuses the path %s', async (path) => {
    const res = await raw(built, path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('TOP-SECRET');
    expect(res.body).not.toContain('dotfile');
  });
});

describe('without a build', () => {
  it('answers 503 with a message to run the build, while the API still works', async () => {
    for (const path of ['/', '/setup']) {
      const res = await fetch(unbuilt.url + path);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    }
    expect((await fetch(unbuilt.url + API.health)).status).toBe(200);
  });
});
