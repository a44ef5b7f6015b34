/**
 * Sealing and opening one incident envelope in Node (WebCrypto), and sealing plus the
 * outbox write a tablet does on Submit (Dexie on fake-indexeddb, so the write is a
 * stand-in for the browser's IndexedDB; the browser's own write is in the autosave figure).
 */
import 'fake-indexeddb/auto';
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import { envelopeHash, openEnvelope, sealEnvelope } from '../src/crypto/envelope.ts';
import { generateReaderKeyPair } from '../src/crypto/hpke.ts';
import { generateSigningKeyPair } from '../src/crypto/signing.ts';
import { ulid } from '../src/domain/ulid.ts';
import { SafetrailDb } from '../src/storage/db.ts';
import { queueSealed } from '../src/storage/outbox-queue.ts';
import { outboxRecord, payload } from './fixtures.ts';
import { median, record, round } from './results.ts';

const RUNS = 200;

export async function benchEnvelopes(): Promise<void> {
  const device = await generateSigningKeyPair(false);
  const readers = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
  const db = new SafetrailDb(`bench-seal-${Date.now()}`);
  const seal: number[] = [];
  const sealAndStore: number[] = [];
  const open: number[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      const content = payload(i);
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
        content,
        readers,
        device.privateKey,
      );
      const t1 = performance.now();
      await queueSealed(db, outboxRecord(envelope, await envelopeHash(envelope)));
      const t2 = performance.now();
      const opened = await openEnvelope(envelope, readers[0]!, device.publicKey);
      const t3 = performance.now();
      if (canonicalJson(opened.payload) !== canonicalJson(content))
        throw new Error('The opened envelope does not match what was sealed.');
      seal.push(t1 - t0);
      sealAndStore.push(t2 - t0);
      open.push(t3 - t2);
    }
  } finally {
    await db.delete();
  }
  const runs = `${RUNS} runs, Node ${process.versions.node}`;
  record({
    name: 'seal one incident (median)',
    value: round(median(seal), 2),
    unit: 'ms',
    target: null,
    measures: `HPKE key wrap to 2 readers + AES-GCM of a ~0.7 kB payload + device ECDSA signature (${runs})`,
  });
  record({
    name: 'seal and store one incident (median)',
    value: round(median(sealAndStore), 2),
    unit: 'ms',
    target: null,
    measures: `the seal above + envelope hash + Dexie outbox write (fake-indexeddb) (${runs})`,
  });
  record({
    name: 'open one incident (median)',
    value: round(median(open), 2),
    unit: 'ms',
    target: null,
    measures: `a DSL opening it: sender signature, HPKE unwrap, MAC, AES-GCM decrypt (${runs})`,
  });
}
