/**
 * Serves the built PWA from DIST_DIR without a static-file plugin. Hashed files under
 * /assets/ are cached for a year; the shell (index.html, sw.js, the manifest) is always
 * revalidated so an update reaches devices. Paths without an extension fall back to
 * index.html for the client-side router. A path is resolved and must stay inside DIST_DIR
 * (after following links) and no dot-file is served, so nothing else on disk is reachable.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';
import { logRefusal } from './refusal-log.ts';
import { isApiPath } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT =
  'The Safetrail app has not been built yet. Run `npm run build`, then restart the endpoint.';

function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
}

/** "..", ".env", ".git": never served and never answered with the app either. */
function hasDotSegment(urlPath: string): boolean {
  return urlPath.split('/').some((part) => part.startsWith('.'));
}

async function fileIn(
  root: string,
  urlPath: string,
): Promise<{ path: string; size: number; mtimeMs: number } | null> {
  const candidate = resolve(root, `.${urlPath}`);
  if (!candidate.startsWith(root + sep)) return null;
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { path: string; size: number; mtimeMs: number },
  urlPath: string,
) {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  reply.header('cache-control', cacheControl(urlPath)).header('etag', etag);
  reply.type(TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.header('content-length', file.size).send(createReadStream(file.path));
}

function decodePath(url: string): string | null {
  const q = url.indexOf('?');
  try {
    const path = decodeURIComponent(q === -1 ? url : url.slice(0, q));
    return path.startsWith('/') && !path.includes('\0') && !path.includes('\\') ? path : null;
  } catch {
    return null;
  }
}

export async function registerStatic(app: FastifyInstance, distDir: string): Promise<void> {
  // realpath so the prefix check compares like with like when DIST_DIR is itself a link.
  const root = await realpath(distDir).catch(() => resolve(distDir));
  app.get('/*', async (request, reply) => {
    if (isApiPath(request.url)) {
      logRefusal(request, 'not-found');
      return reply.code(404).send(errorBody('not-found', 'There is no such API route.'));
    }
    const urlPath = decodePath(request.url);
    if (urlPath === null)
      return reply.code(400).type('text/plain; charset=utf-8').send('Bad path.');
    if (hasDotSegment(urlPath))
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found.');
    const file = urlPath.endsWith('/') ? null : await fileIn(root, urlPath);
    if (file) return sendFile(request, reply, file, urlPath);
    if (extname(urlPath) !== '' && urlPath !== '/')
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found.');
    const index = await fileIn(root, '/index.html');
    if (!index) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    return sendFile(request, reply, index, '/index.html');
  });
}
