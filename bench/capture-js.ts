/**
 * Which built JS files a browser must load to show the capture screen, read from Vite's
 * manifest: the entry chunk (which draws a locked tablet's PIN screen), the app it then
 * loads (src/ui/app/start-app.tsx), the capture route's chunk and its home screen, and the
 * static imports of each; and the gzip size of the whole precache (read from the service
 * worker's own manifest).
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
  // vite.config.ts gathers the app's core and the capture screen into chunks named "app"
  // and "capture"; with no facade, the manifest keys them by file, not by source.
  const chunk = (source: string, name: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(source) || manifest[k]!.name === name);
    if (!key) throw new Error(`The ${name} chunk is missing from the manifest.`);
    return key;
  };
  visit(chunk('src/ui/app/start-app.tsx', 'app'));
  visit(chunk('src/ui/capture/CaptureRoutes.tsx', 'capture'));
  // The capture screen's home, had it been split off to load on its own.
  visit(Object.keys(manifest).find((k) => k.endsWith('src/ui/capture/CaptureHome.tsx')) ?? '');
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
