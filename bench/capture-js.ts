/**
 * Which built JS files a browser must load to show the capture screen (the entry chunk,
 * the capture route's chunk and their static imports, read from Vite's manifest), and the
 * gzip size of the whole precache.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
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
  const capture = Object.keys(manifest).find((k) => k.endsWith('src/ui/capture/CaptureRoutes.tsx'));
  if (!capture) throw new Error('The capture route chunk is missing from the manifest.');
  visit(capture);
  const js = [...files].filter((f) => f.endsWith('.js'));
  return { bytes: js.reduce((n, f) => n + gz(join(dist, f)), 0), files: js };
}

export function precacheGzip(dist: string): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (name === '.vite') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|css|html|svg|png|webmanifest)$/.test(name)) total += gz(p);
    }
  };
  walk(dist);
  return total;
}
