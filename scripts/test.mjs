// `npm test`: every test, browser and PostgreSQL tests included. Fails at once, in one line,
// when the browser the end-to-end tests drive or the PostgreSQL the hub's store tests start
// is missing: they are never skipped silently. (The tests start and stop their own
// throwaway PostgreSQL cluster: test/server/postgres-cluster.ts.)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(
    `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (as root), then run npm test again.`,
  );
  process.exit(1);
}

const hasPostgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
if (!process.env.SAFETRAIL_TEST_DATABASE_URL && !hasPostgres()) {
  console.error(
    'PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb): install it with `apt-get install -y postgresql` (as root), then run npm test again.',
  );
  process.exit(1);
}

const env = { ...process.env, NO_COLOR: '1' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
const counts = { passed: 0, failed: 0, skipped: 0 };
function tally(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests ?? 0;
  counts.failed += r.numFailedTests ?? 0;
  counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  rmSync(file);
}

console.log('\n== Building the app for the browser tests');
let status = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (status !== 0) process.exit(status);

console.log('\n== Unit, storage, server and component tests');
const unit = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.tmp/unit.json',
]);
tally('.tmp/unit.json');

console.log('\n== Browser tests (Chromium)');
const e2e = run('npx', [
  'vitest',
  'run',
  '--config',
  'vitest.e2e.config.ts',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.tmp/e2e.json',
]);
tally('.tmp/e2e.json');

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(unit || e2e || counts.failed ? 1 : 0);
