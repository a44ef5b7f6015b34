/**
 * Which built JS files a browser must load to show the capture screen (the entry chunk,
 * the capture route's chunk and their static imports, read from Vite's manifest), and the
 * gzip size of the whole precache (read from the service worker's own manifest).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export function captureScreenJs(dist: string): { bytes: number; files: string[] } {
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error('No build manifest: run `npm run build` first.');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  // vite.config.ts gathers the capture screen and what it imports into one chunk named
  // "capture" (it has no facade, so the manifest keys it by file, not by source).
  const capture = Object.keys(manifest).find(
    (k) => k.endsWith('src/ui/capture/CaptureRoutes.tsx') || manifest[k]!.name === 'capture',
  );
  if (!capture) throw new Error('The capture route chunk is missing from the manifest.');
  visit(capture);
  const js = [...files].filter((f) => f.endsWith('.js'));
  return { bytes: js.reduce((n, f) => n + gz(join(dist, f)), 0), files: js };
}

/**
 * The gzip size of every file in the service worker's precache manifest (read from the
 * built sw.js, where Workbox injected it), each URL counted once. The worker itself is
 * fetched too but is not part of its own precache, so it is reported apart.
 */
export function precacheGzip(dist: string): { bytes: number; files: number; worker: number } {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!));
  if (urls.size === 0) throw new Error('No precache manifest found in dist/sw.js.');
  let bytes = 0;
  for (const url of urls) {
    const path = join(dist, url);
    if (!existsSync(path)) throw new Error(`The precache lists ${url}, which is not in ${dist}.`);
    bytes += gz(path);
  }
  return { bytes, files: urls.size, worker: gz(join(dist, 'sw.js')) };
}
