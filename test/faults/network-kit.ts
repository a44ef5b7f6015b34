/**
 * The network-fault property: two tablets, each with the real sync engine and a memory
 * outbox, upload through the real API client over a faulty network (faulty-fetch.ts) to a
 * real endpoint, round after round: each round seals a few new records on each tablet and
 * runs both engines at once. Afterwards, with the network healed, the tablets sync once
 * more. Then the tablets and the endpoint must hold exactly the same records: every sealed
 * record in the log once, nothing in the log that was not sealed, nothing quarantined or
 * rejected on the way, every kept receipt matching the log, and the chain verifying.
 */
import { expect } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { envelopeHash, type Envelope } from '../../src/crypto/envelope.ts';
import { verifyChain } from '../../src/server/chain.ts';
import { createApiClient } from '../../src/sync/api-client.ts';
import { runUpload } from '../../src/sync/engine.ts';
import { createMemoryOutboxStore, type MemoryOutboxStore } from '../../src/sync/outbox.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  type TestDevice,
  type TestServer,
} from '../server/helpers.ts';
import { faultyFetch, type Fault } from './faulty-fetch.ts';
import { int, rng } from './fuzz-junk.ts';

interface Tablet {
  device: TestDevice;
  outbox: MemoryOutboxStore;
  sealed: Set<string>;
  pool: Envelope[];
}

export interface NetworkReport {
  rounds: number;
  records: number;
  faults: Record<string, number>;
  seconds: number;
}

export async function runNetworkFaults(
  server: TestServer,
  rounds: number,
  seed: number,
): Promise<NetworkReport> {
  const t0 = performance.now();
  const r = rng(seed);
  const school = await setupSchool(server);
  const network = faultyFetch(r, 0.5);
  // A fake clock an hour on per round: every retry is due again by the next round.
  let clock = Date.now();
  const tablets: Tablet[] = [];
  for (const name of ['Tablet A', 'Tablet B']) {
    const device = await enrolTablet(server, school, name);
    // Sealing costs milliseconds; a pool made up front keeps the rounds about the network.
    const pool = await Promise.all(Array.from({ length: rounds }, () => seal(school, device)));
    tablets.push({ device, outbox: createMemoryOutboxStore(), sealed: new Set(), pool });
  }
  let seq = 0;
  const sync = (t: Tablet, fetch: typeof globalThis.fetch) =>
    runUpload({
      store: t.outbox,
      transport: createApiClient({
        endpoint: server.url,
        fetch,
        device: { deviceId: t.device.id, signingKey: t.device.keys.privateKey },
      }).uploadTransport(),
      receiptKey: school.receiptKey,
      school: school.id,
      now: () => clock,
      random: r,
      batchSize: 1 + int(r, 6),
      force: r() < 0.5,
    });

  for (let round = 0; round < rounds; round++) {
    for (const t of tablets) {
      for (let n = int(r, 3); n > 0 && t.pool.length > 0; n--) {
        const e = t.pool.pop()!;
        const hash = await envelopeHash(e);
        t.outbox.add({ id: e.id, seq: ++seq, envelope: canonicalJson(e), hash, school: school.id });
        t.sealed.add(e.id);
      }
    }
    const reports = await Promise.all(tablets.map((t) => sync(t, network.fetch)));
    for (const report of reports) expect(report).toMatchObject({ quarantined: 0, rejected: 0 });
    clock += 3_600_000;
  }
  for (const t of tablets) {
    const final = await sync(t, (input, init) => globalThis.fetch(input, init));
    expect(final).toMatchObject({ remaining: 0, quarantined: 0, rejected: 0, error: null });
  }

  const sealed = new Set(tablets.flatMap((t) => [...t.sealed]));
  const log = await server.store.readLog(school.id, 0, 1_000_000, Infinity);
  expect(log.length).toBe(sealed.size);
  expect(new Set(log.map((e) => e.id))).toEqual(sealed);
  const byId = new Map(log.map((e) => [e.id, e]));
  for (const t of tablets) {
    expect(t.outbox.rows.size).toBe(0);
    expect(new Set(t.outbox.acknowledged.keys())).toEqual(t.sealed);
    for (const [id, receipt] of t.outbox.acknowledged) {
      expect(receipt.logIndex).toBe(byId.get(id)!.index);
      expect(receipt.chainHead).toBe(byId.get(id)!.head);
    }
  }
  expect((await verifyChain(server.store, school.id)).ok).toBe(true);
  // Cut and duplicated requests are refusals or aborted bodies, never the endpoint's own error.
  expect(server.logs()).not.toContain('"msg":"request failed"');
  const faults: Record<string, number> = {};
  for (const [fault, n] of network.counts as Map<Fault, number>) faults[fault] = n;
  return { rounds, records: sealed.size, faults, seconds: (performance.now() - t0) / 1000 };
}
