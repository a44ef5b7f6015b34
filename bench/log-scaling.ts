/**
 * Does ingest slow down as the log grows? One real endpoint per log size, each with its
 * own school and its own store (a SQLite data folder, or a PostgreSQL database), its log
 * filled straight in the database (log-prefill.ts) with the endpoint stopped, then started
 * on it. The ingest rates are measured with the endpoints taking turns, so the sizes are
 * compared under the same conditions. The smallest one's whole chain is verified
 * afterwards, proving the filled entries are a valid chain the endpoint's appends continued.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyChain } from '../src/server/chain.ts';
import { startServer, type RunningServer } from '../src/server/start.ts';
import { enrolTablet, seal, setupSchool } from '../test/server/helpers.ts';
import { payload } from './fixtures.ts';
import { INGEST_METHOD, ingestRate, ingestRates, type IngestTarget } from './ingest.ts';
import { fillLog } from './log-prefill.ts';
import { record, round } from './results.ts';

export interface ScalingOptions {
  store: 'SQLite' | 'PostgreSQL';
  /** postgres://… of a cluster where databases may be created, for PostgreSQL. */
  databaseUrl?: string;
  /** Log sizes to measure at, smallest first. */
  sizes: number[];
  /** Appended to every figure's description (e.g. how the cluster is configured). */
  note?: string;
  /** Also report the rate on an empty log (the store's headline ingest figure). */
  empty?: boolean;
}

interface Site extends IngestTarget {
  size: number;
  server: RunningServer;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** A new empty database in the cluster at `url`, and its address. */
async function createDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const address = new URL(url);
  address.pathname = `/${name}`;
  return address.toString();
}

export async function benchLogScaling(options: ScalingOptions): Promise<void> {
  const { store, sizes, note = '' } = options;
  const root = mkdtempSync(join(tmpdir(), 'safetrail-bench-'));
  const sites: Site[] = [];
  const what = (holding: string) =>
    `${INGEST_METHOD} to the ${store} store starting with ${holding}: request and device signatures verified, appended to the hash chain, receipt signed${note}`;
  try {
    for (const [i, size] of sizes.entries()) {
      const dataDir = join(root, `data-${size}`);
      const databaseUrl = options.databaseUrl
        ? await createDatabase(options.databaseUrl, `bench_${size}`)
        : undefined;
      const start = (): Promise<RunningServer> =>
        startServer({
          host: '127.0.0.1',
          port: 0,
          dataDir,
          distDir: join(root, 'dist'),
          databaseUrl,
          // Off: these figures are the endpoint's throughput, not one device's allowance.
          rateLimit: { perMinute: 0, burst: 1 },
        });
      let server = await start();
      const school = await setupSchool(server);
      const tablet = await enrolTablet(server, school);
      if (options.empty && i === 0) {
        const { rate } = await ingestRate({ server, school, tablet });
        record({
          name: `endpoint ingest rate (${store})`,
          value: Math.round(rate),
          unit: 'envelopes/s',
          target: 2000,
          atLeast: true,
          measures: what('an empty log'),
        });
      }
      const template = await seal(school, tablet, payload(0));
      await server.close();
      const t0 = performance.now();
      const where = databaseUrl ? { databaseUrl } : { dataDir };
      const { added, generating } = await fillLog(where, school.id, template, size);
      const seconds = (performance.now() - t0) / 1000;
      console.log(
        `  (filled a ${store} log to ${count(size)}: ${count(added)} entries in ${seconds.toFixed(1)} s, ${generating.toFixed(1)} s of it making them)`,
      );
      server = await start();
      sites.push({ size, server, school, tablet });
    }

    const rates = await ingestRates(sites);
    const first = sites[0]!;
    const chain = await verifyChain(first.server.store, first.school.id);
    if (!chain.ok || chain.length !== first.size + rates[0]!.envelopes)
      throw new Error(`The filled log is not a valid chain: ${JSON.stringify(chain)}`);
    for (const [i, site] of sites.entries()) {
      record({
        name: `ingest with ${count(site.size)} stored (${store})`,
        value: Math.round(rates[i]!.rate),
        unit: 'envelopes/s',
        target: 2000,
        atLeast: true,
        measures: what(`${count(site.size)} entries`),
      });
    }
    if (sites.length > 1) {
      const [small, large] = [sites[0]!.size, sites.at(-1)!.size].map(count);
      record({
        name: `ingest at ${large} vs ${small} stored (${store})`,
        value: round(rates.at(-1)!.rate / rates[0]!.rate, 2),
        unit: 'x',
        target: null,
        measures: `the ${large} rate divided by the ${small} one, measured taking turns: 1.0 means no change with the log's size; it should not fall`,
      });
    }
  } finally {
    for (const site of sites) await site.server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
