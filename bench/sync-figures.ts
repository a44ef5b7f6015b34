/**
 * A tablet's outbox of 1,000 sealed envelopes delivered to a local endpoint by the real
 * sync engine, and then the endpoint's ingest rate on the SQLite store (its log holding
 * those 1,000).
 */
import 'fake-indexeddb/auto';
import { envelopeHash } from '../src/crypto/envelope.ts';
import { SafetrailDb } from '../src/storage/db.ts';
import { queueSealed } from '../src/storage/outbox-queue.ts';
import { createOutboxStore } from '../src/storage/outbox-repo.ts';
import { createApiClient } from '../src/sync/api-client.ts';
import { runUpload } from '../src/sync/engine.ts';
import { enrolTablet, seal, setupSchool, startTestServer } from '../test/server/helpers.ts';
import { outboxRecord, payload } from './fixtures.ts';
import { INGEST_METHOD, ingestRate } from './ingest.ts';
import { record, round } from './results.ts';

const QUEUED = 1000;

export async function benchSyncAndIngest(): Promise<void> {
  // The per-device rate limit is off: these figures are the endpoint's throughput.
  const server = await startTestServer('none', { rateLimit: { perMinute: 0, burst: 1 } });
  try {
    const school = await setupSchool(server);
    const tablet = await enrolTablet(server, school);
    const db = new SafetrailDb(`bench-sync-${Date.now()}`);
    for (let i = 0; i < QUEUED; i++) {
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
    if (report.delivered !== QUEUED)
      throw new Error(`only ${report.delivered} of ${QUEUED} delivered: ${report.error}`);
    await db.delete();
    record({
      name: 'sync 1,000 queued envelopes',
      value: round(seconds, 2),
      unit: 's',
      target: 5,
      measures:
        'sync engine + signed HTTP batches to a local SQLite endpoint, receipts verified, local copies deleted (client and endpoint share this 2-core machine)',
    });

    const { rate } = await ingestRate({ server, school, tablet });
    record({
      name: 'endpoint ingest rate (SQLite)',
      value: Math.round(rate),
      unit: 'envelopes/s',
      target: 2000,
      atLeast: true,
      measures: `${INGEST_METHOD} to the SQLite store starting with 1,000: request and device signatures verified, appended to the hash chain, receipt signed`,
    });
  } finally {
    await server.close();
  }
}
