// `npm start`: builds the PWA when dist/ is missing or older than its sources, then runs the
// school endpoint (which serves the app and the API, with SQLite under DATA_DIR).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

const built = newestMtime(join(root, 'dist/index.html'));
const sources = Math.max(
  ...['src', 'sw', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
    newestMtime(join(root, p)),
  ),
);
if (!built || sources > built) {
  console.log('Building the app…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
