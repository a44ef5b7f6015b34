/**
 * `npm run bench`: measures the figures the issue asks for and writes bench/results.json
 * (a list of {name, value, unit, target, measures}). Every value is measured in this run;
 * timings are printed, never asserted in tests. scripts/bench.mjs builds the app first.
 * Set BENCH_ONLY to a comma-separated list of sections (bundle, envelopes, sync, scaling,
 * postgres, browser, console) to run only those while working on one.
 */
import { captureScreenJs, precacheGzip } from './capture-js.ts';
import { record, printAndWrite, round } from './results.ts';

const started = performance.now();
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const section = async (name: string, run: () => Promise<void>) => {
  if (only && !only.includes(name)) return;
  const t0 = performance.now();
  console.log(`${name}…`);
  await run();
  console.log(`  (${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
};

await section('bundle', async () => {
  const capture = captureScreenJs('dist');
  record({
    name: 'capture-screen JS (gzip)',
    value: round(capture.bytes / 1024, 1),
    unit: 'kB',
    target: 80,
    measures: `what a tablet loads to show its capture screen, unlocked: the entry chunk (which draws the PIN screen), the app it then loads, the capture route's chunk and its home screen, and their static imports (${capture.files.length} files)`,
  });
  const precache = precacheGzip('dist');
  record({
    name: 'whole precache (gzip)',
    value: round(precache.bytes / 1024, 1),
    unit: 'kB',
    target: 400,
    measures: `every file in the service worker's precache manifest (${precache.files} files), each gzipped; the worker itself (sw.js, ${round(precache.worker / 1024, 1)} kB) is not included`,
  });
});

await section('envelopes', async () => {
  const { benchEnvelopes } = await import('./envelope-figures.ts');
  await benchEnvelopes();
});

await section('sync', async () => {
  const { benchSyncAndIngest } = await import('./sync-figures.ts');
  await benchSyncAndIngest();
});

await section('scaling', async () => {
  const { benchLogScaling } = await import('./log-scaling.ts');
  await benchLogScaling({ store: 'SQLite', sizes: [10_000, 100_000, 1_000_000] });
});

await section('postgres', async () => {
  const { startCluster } = await import('../test/server/postgres-cluster.ts');
  const { benchLogScaling } = await import('./log-scaling.ts');
  const cluster = await startCluster();
  try {
    await benchLogScaling({
      store: 'PostgreSQL',
      databaseUrl: cluster.url,
      sizes: [10_000, 100_000, 1_000_000],
      empty: true,
      // Disk flushes are off in the throwaway cluster: this is the round trips' cost, not the disk's.
      note: ' (local Debian PostgreSQL cluster on 127.0.0.1, fsync off)',
    });
  } finally {
    cluster.stop();
  }
});

await section('browser', async () => {
  const { benchBrowser } = await import('./browser-figures.ts');
  await benchBrowser();
});

await section('console', async () => {
  const { benchConsole } = await import('./console-figures.ts');
  await benchConsole();
});

printAndWrite(new URL('./results.json', import.meta.url));
console.log(
  `\nWrote bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s (after the build).`,
);
