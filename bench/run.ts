/**
 * `npm run bench`: measures the figures the spine promises and writes bench/results.json
 * ({name, value, unit, target, measures}). Timings are printed, never asserted in tests.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import { envelopeHash, sealEnvelope } from '../src/crypto/envelope.ts';
import { generateReaderKeyPair } from '../src/crypto/hpke.ts';
import { generateSigningKeyPair } from '../src/crypto/signing.ts';
import { ulid } from '../src/domain/ulid.ts';
import { SafetrailDb } from '../src/storage/db.ts';
import { queueSealed } from '../src/storage/outbox-queue.ts';
import { createOutboxStore } from '../src/storage/outbox-repo.ts';
import type { OutboxRecord } from '../src/storage/records.ts';
import { createApiClient } from '../src/sync/api-client.ts';
import { runUpload } from '../src/sync/engine.ts';
import { API } from '../src/sync/protocol.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  startTestServer,
} from '../test/server/helpers.ts';
import { captureScreenJs, precacheGzip } from './capture-js.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  target: number | null;
  measures: string;
}

const results: Result[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const payload = (i: number) => ({
  type: 'incident.created',
  incidentId: ulid(),
  fields: {
    what: `Benchmark incident ${i}: `.padEnd(600, 'x'),
    when: '2026-11-20T10:15',
    where: 'Museum trip',
    reportedBy: 'A. Teacher',
  },
  recordedAt: new Date().toISOString(),
  recordedBy: 'A. Teacher',
});

function outboxRecord(
  envelope: Awaited<ReturnType<typeof sealEnvelope>>,
  hash: string,
): OutboxRecord {
  return {
    id: envelope.id,
    seq: envelope.seq,
    kind: envelope.kind,
    school: envelope.school,
    createdAt: envelope.created,
    state: 'sealed',
    envelope: canonicalJson(envelope),
    hash,
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: 0,
    lastError: null,
    reference: `ST-${envelope.id.slice(-6)}`,
  };
}

async function benchBundle() {
  const capture = captureScreenJs('dist');
  results.push({
    name: 'capture-screen JS (gzip)',
    value: Math.round(capture.bytes / 102.4) / 10,
    unit: 'kB',
    target: 80,
    measures: `entry + capture route chunks and their static imports (${capture.files.length} files)`,
  });
  results.push({
    name: 'whole precache (gzip)',
    value: Math.round(precacheGzip('dist') / 102.4) / 10,
    unit: 'kB',
    target: 400,
    measures: 'every JS, CSS, HTML, SVG, PNG and manifest file the service worker precaches',
  });
}

async function benchSeal() {
  const device = await generateSigningKeyPair(false);
  const readers = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
  const db = new SafetrailDb(`bench-seal-${Date.now()}`);
  const times: number[] = [];
  for (let i = 1; i <= 200; i++) {
    const t0 = performance.now();
    const envelope = await sealEnvelope(
      {
        id: ulid(),
        school: 's',
        device: 'd',
        seq: i,
        kind: 'incident.created',
        created: new Date().toISOString(),
        recipientSet: 1,
      },
      payload(i),
      readers,
      device.privateKey,
    );
    await queueSealed(db, outboxRecord(envelope, await envelopeHash(envelope)));
    times.push(performance.now() - t0);
  }
  await db.delete();
  results.push({
    name: 'seal and store one incident (median)',
    value: Math.round(median(times) * 100) / 100,
    unit: 'ms',
    target: null,
    measures:
      'HPKE to 2 readers + AES-GCM + device signature + Dexie outbox write (Node, fake-indexeddb), 200 runs',
  });
}

async function benchSyncAndIngest() {
  // The per-device rate limit is off: these figures are the endpoint's throughput.
  const server = await startTestServer('none', { rateLimit: { perMinute: 0, burst: 1 } });
  try {
    const school = await setupSchool(server);
    const tablet = await enrolTablet(server, school);
    const db = new SafetrailDb(`bench-sync-${Date.now()}`);
    for (let i = 0; i < 1000; i++) {
      const envelope = await seal(school, tablet, payload(i));
      await queueSealed(db, outboxRecord(envelope, await envelopeHash(envelope)));
    }
    const api = createApiClient({
      endpoint: server.url,
      device: { deviceId: tablet.id, signingKey: tablet.keys.privateKey },
    });
    const t0 = performance.now();
    const report = await runUpload({
      store: createOutboxStore(db),
      transport: api.uploadTransport(),
      receiptKey: school.receiptKey,
      school: school.id,
      now: Date.now,
    });
    const seconds = (performance.now() - t0) / 1000;
    if (report.delivered !== 1000)
      throw new Error(`only ${report.delivered} of 1000 delivered: ${report.error}`);
    await db.delete();
    results.push({
      name: 'sync 1,000 queued envelopes',
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      target: 5,
      measures:
        'engine + signed HTTP batches to a local endpoint, receipts verified, local copies deleted (client and endpoint share this 2-core machine)',
    });

    results.push(await ingestRate(server, school, tablet, 'SQLite'));
  } finally {
    await server.close();
  }
}

/** 2,000 envelopes in signed batches of 100 to `server`, as envelopes per second. */
async function ingestRate(
  server: Awaited<ReturnType<typeof startTestServer>>,
  school: Awaited<ReturnType<typeof setupSchool>>,
  tablet: Awaited<ReturnType<typeof enrolTablet>>,
  store: string,
): Promise<Result> {
  const batches: string[] = [];
  for (let b = 0; b < 20; b++) {
    const envelopes = [];
    for (let i = 0; i < 100; i++) envelopes.push(await seal(school, tablet, payload(i)));
    batches.push(JSON.stringify({ envelopes }));
  }
  const t1 = performance.now();
  for (const body of batches) {
    const res = await signedFetch(server, tablet, 'POST', API.envelopes, body);
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status}`);
  }
  const rate = 2000 / ((performance.now() - t1) / 1000);
  return {
    name: `endpoint ingest rate (${store})`,
    value: Math.round(rate),
    unit: 'envelopes/s',
    target: 2000,
    measures: `2,000 envelopes in batches of 100 to the ${store} store: request signature, envelope shape and device signature verified, appended to the hash chain, receipt signed`,
  };
}

/** The same ingest on PostgreSQL, in a throwaway local cluster (a trust's hub). */
async function benchPostgresIngest() {
  const { startCluster } = await import('../test/server/postgres-cluster.ts');
  const cluster = await startCluster();
  try {
    const server = await startTestServer('none', {
      databaseUrl: cluster.url,
      rateLimit: { perMinute: 0, burst: 1 },
    });
    try {
      const school = await setupSchool(server);
      const tablet = await enrolTablet(server, school);
      const result = await ingestRate(server, school, tablet, 'PostgreSQL');
      // Disk flushes are off in the throwaway cluster: this is the round trips' cost, not the disk's.
      result.measures += ' (local Debian PostgreSQL 15 cluster on 127.0.0.1, fsync off)';
      results.push(result);
    } finally {
      await server.close();
    }
  } finally {
    cluster.stop();
  }
}

/** A legitimate unlock in Chromium: PBKDF2-SHA256 at the stored iteration count, then the unwrap. */
async function benchUnlock() {
  const { launchChromium } = await import('../test/e2e/support/browser.ts');
  const { PBKDF2_ITERATIONS } = await import('../src/crypto/kdf.ts');
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + API.health); // a secure context (loopback) for WebCrypto
    const times = await page.evaluate(async (iterations) => {
      const enc = new TextEncoder();
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const base = await crypto.subtle.importKey('raw', enc.encode('482916'), 'PBKDF2', false, [
          'deriveKey',
        ]);
        const key = await crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
          base,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        );
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(32));
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct);
        out.push(performance.now() - t0);
      }
      return out;
    }, PBKDF2_ITERATIONS);
    results.push({
      name: 'unlock with a PIN or passphrase (median)',
      value: Math.round(median(times)),
      unit: 'ms',
      target: 1000,
      measures: `PBKDF2-SHA256 at ${PBKDF2_ITERATIONS.toLocaleString('en-GB')} iterations plus the key unwrap, in Debian's Chromium, 5 runs`,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

await benchBundle();
await benchSeal();
await benchSyncAndIngest();
await benchPostgresIngest();
await benchUnlock();

console.table(
  results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, target: r.target ?? '—' })),
);
for (const r of results) console.log(`- ${r.name}: ${r.measures}`);
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify(
    results.map(({ name, value, unit, target }) => ({ name, value, unit, target })),
    null,
    2,
  ) + '\n',
);
console.log('Wrote bench/results.json');
