/**
 * The world the outbox property test runs in: a device (real Dexie outbox on
 * fake-indexeddb, the real engine), an in-memory endpoint with the real semantics, a
 * transport that injects one fault per request, and the invariants checked after every
 * step. "Crashes" abandon the running engine for good (its promise never settles) and
 * reopen the database, exactly as a killed tab or service worker would leave things.
 */
import { expect } from 'vitest';
import type { PublicJwk } from '../../src/crypto/signing.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDraft, putDraft } from '../../src/storage/draft-repo.ts';
import { queueSealed } from '../../src/storage/outbox-queue.ts';
import { createOutboxStore } from '../../src/storage/outbox-repo.ts';
import type { OutboxRecord } from '../../src/storage/records.ts';
import { ApiError, UNREACHABLE } from '../../src/sync/api-client.ts';
import {
  runUpload,
  TransportError,
  type SyncReport,
  type UploadTransport,
} from '../../src/sync/engine.ts';
import type { OutboxStore } from '../../src/sync/outbox.ts';
import { verifyReceipt } from '../../src/sync/receipt.ts';
import { createFakeEndpoint, type FakeEndpoint } from '../unit/sync/fake-endpoint.ts';
import { fakeEnvelope, outboxRecordFor, SCHOOL } from '../unit/sync/fixtures.ts';
import { resign, uploadBody } from '../unit/sync/transports.ts';
import { sealedBlob, uniqueName } from './support.ts';

export const FAULTS = [
  'ok',
  'dropRequest',
  'http503',
  'unauthorized',
  'dropResponse',
  'duplicateResults',
  'staleReceipts',
  'wrongKey',
  'wrongHash',
  'partialResults',
  'crashBefore',
  'crashAfter',
  'crashDuringAcks',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface WorldKeys {
  receipt: CryptoKeyPair;
  receiptJwk: PublicJwk;
  wrong: CryptoKeyPair;
}

/** What the generated cases exercised, so a generator change cannot make the test vacuous. */
export const coverage = {
  restarts: 0,
  faults: new Set<string>(),
  delivered: 0,
  retried: 0,
  quarantined: 0,
  rejected: 0,
};

const MAX_ENVELOPES = 30;
const HOUR = 3_600_000;
const hang = () => new Promise<never>(() => {});

interface SealedFact {
  hash: string;
  forged: boolean;
  conflict: boolean;
}

export class World {
  readonly name = uniqueName();
  db = new SafetrailDb(this.name);
  store: OutboxStore;
  clock = 1_750_000_000_000;
  readonly server: FakeEndpoint;
  readonly sealed = new Map<string, SealedFact>();
  /** First snapshot of each quarantined/rejected row: it must never change or vanish. */
  readonly terminal = new Map<string, OutboxRecord>();
  readonly violations: string[] = [];
  private seq = 0;
  /** Set by 'crashDuringAcks': how many acknowledgements happen before the app dies. */
  private acksBeforeCrash: number | null = null;
  private crash: (() => void) | null = null;

  constructor(
    private readonly keys: WorldKeys,
    private readonly random: () => number,
  ) {
    this.server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey, () => this.clock);
    this.store = this.guard(createOutboxStore(this.db));
  }

  /** Wraps the real store to catch any deletion without a receipt that verifies. */
  private guard(store: OutboxStore): OutboxStore {
    return {
      ...store,
      acknowledge: async (id, receipt, now) => {
        const fact = this.sealed.get(id);
        const expected = { id, envelopeHash: fact?.hash ?? '', school: SCHOOL };
        if (!fact || !(await verifyReceipt(receipt, expected, this.keys.receipt.publicKey))) {
          this.violations.push(`acknowledge(${id}) without a verified receipt`);
        }
        if (this.acksBeforeCrash !== null && this.acksBeforeCrash-- <= 0) {
          this.crash?.();
          return hang();
        }
        return store.acknowledge(id, receipt, now);
      },
    };
  }

  restart() {
    coverage.restarts++;
    this.db.close();
    this.db = new SafetrailDb(this.name);
    this.store = this.guard(createOutboxStore(this.db));
  }

  /** Seals one envelope from a draft; `conflict` first puts other bytes under its id on the endpoint. */
  async seal(forged: boolean, conflict = false) {
    if (this.sealed.size >= MAX_ENVELOPES) return;
    const env = fakeEnvelope({ seq: ++this.seq, forged });
    if (conflict) await this.server.preload(fakeEnvelope({ id: env.id, seq: env.seq }));
    const record = await outboxRecordFor(env, { createdAt: new Date(this.clock).toISOString() });
    const draftId = `draft-${env.id}`;
    await putDraft(this.db, {
      id: draftId,
      profileId: 'p1',
      createdAt: 'x',
      updatedAt: 'x',
      wrappedKey: sealedBlob(),
      data: sealedBlob(),
    });
    await queueSealed(this.db, record, draftId);
    expect(await getDraft(this.db, draftId)).toBeUndefined();
    this.sealed.set(env.id, { hash: record.hash, forged, conflict });
  }

  private transport(faults: Fault[], crashed: () => void): UploadTransport {
    let call = 0;
    return {
      upload: async (envelopes) => {
        const fault = faults[call++] ?? 'ok';
        coverage.faults.add(fault);
        if (fault === 'dropRequest') throw new TransportError(UNREACHABLE, true);
        if (fault === 'http503')
          throw new ApiError(503, 'unavailable', 'The school endpoint is busy.');
        if (fault === 'unauthorized')
          throw new ApiError(401, 'unknown-device', 'This device is not enrolled.');
        if (fault === 'crashBefore') return (crashed(), hang());
        if (fault === 'crashDuringAcks')
          this.acksBeforeCrash = Math.floor(this.random() * envelopes.length);
        const results = await this.server.handle(uploadBody(envelopes));
        switch (fault) {
          case 'dropResponse':
            throw new TransportError(UNREACHABLE, true);
          case 'crashAfter':
            return (crashed(), hang());
          case 'duplicateResults':
            return [...results, ...results.slice(0, 2)].reverse();
          case 'staleReceipts': {
            const issued = this.server.issued;
            return results.map((r) =>
              r.status === 'stored' || r.status === 'duplicate'
                ? { ...r, receipt: issued[Math.floor(this.random() * issued.length)]! }
                : r,
            );
          }
          case 'wrongKey':
            return Promise.all(results.map((r) => resign(r, this.keys.wrong.privateKey)));
          case 'wrongHash':
            return Promise.all(
              results.map((r) =>
                resign(r, this.keys.receipt.privateKey, { envelopeHash: 'A'.repeat(43) }),
              ),
            );
          case 'partialResults':
            return results.filter((_, i) => i % 2 === 1);
          default:
            return results;
        }
      },
    };
  }

  private engine(store: OutboxStore, transport: UploadTransport, batchSize: number) {
    return runUpload({
      store,
      transport,
      receiptKey: this.keys.receiptJwk,
      school: SCHOOL,
      now: () => this.clock,
      random: this.random,
      batchSize,
    });
  }

  /** One engine run; if the app "dies" during it, the run is abandoned and the world restarts. */
  async run(faults: Fault[], batchSize: number): Promise<SyncReport | 'crashed'> {
    let crashed!: () => void;
    const died = new Promise<'crashed'>((resolve) => (crashed = () => resolve('crashed')));
    this.crash = crashed;
    const outcome = await Promise.race([
      this.engine(this.store, this.transport(faults, crashed), batchSize),
      died,
    ]);
    this.acksBeforeCrash = null;
    this.crash = null;
    if (outcome === 'crashed') {
      this.restart();
    } else {
      for (const k of ['delivered', 'retried', 'quarantined', 'rejected'] as const)
        coverage[k] += outcome[k];
    }
    return outcome;
  }

  /** Page and service worker at once, each with its own connection (no Web Locks in Node). */
  async concurrent() {
    const other = new SafetrailDb(this.name);
    await Promise.all([
      this.engine(
        this.store,
        this.transport([], () => {}),
        3,
      ),
      this.engine(
        this.guard(createOutboxStore(other)),
        this.transport([], () => {}),
        3,
      ),
    ]);
    other.close();
  }

  async check() {
    const rows = new Map((await this.db.outbox.toArray()).map((r) => [r.id, r]));
    const tombs = new Map((await this.db.tombstones.toArray()).map((t) => [t.id, t]));
    expect(this.violations).toEqual([]);
    for (const id of [...rows.keys(), ...tombs.keys()]) expect(this.sealed.has(id)).toBe(true);
    for (const [id, fact] of this.sealed) {
      const row = rows.get(id);
      const tomb = tombs.get(id);
      expect(Boolean(row) !== Boolean(tomb), `${id}: in exactly one of outbox and tombstones`).toBe(
        true,
      );
      if (tomb) {
        const entry = this.server.entries.get(id);
        expect(fact.conflict || fact.forged, `${id}: only deliverable records are tombstoned`).toBe(
          false,
        );
        expect(entry?.hash, `${id}: tombstoned, so the endpoint holds exactly our bytes`).toBe(
          fact.hash,
        );
        expect(tomb).toMatchObject({ envelopeHash: fact.hash, logIndex: entry!.logIndex });
      }
      if (row) {
        expect(row.hash).toBe(fact.hash);
        if (row.state === 'quarantined') expect(fact.conflict).toBe(true);
        if (row.state === 'rejected') expect(fact.forged).toBe(true);
        if ((row.state === 'quarantined' || row.state === 'rejected') && !this.terminal.has(id))
          this.terminal.set(id, row);
      }
      if (fact.forged) expect(this.server.entries.has(id)).toBe(false);
    }
    for (const [id, snapshot] of this.terminal)
      expect(rows.get(id), `${id}: terminal rows never change`).toEqual(snapshot);
    expect(new Set(this.server.log).size, 'the endpoint never logs one id twice').toBe(
      this.server.log.length,
    );
  }

  /** A last run with no faults once everything is due: all deliverable records must arrive. */
  async finish() {
    this.clock += 2 * HOUR;
    const report = await this.run([], 50);
    expect(report).not.toBe('crashed');
    expect((report as SyncReport).remaining).toBe(0);
    await this.check();
    const ids = (keep: (f: SealedFact) => boolean) =>
      [...this.sealed]
        .filter(([, f]) => keep(f))
        .map(([id]) => id)
        .sort();
    const problems = ids((f) => f.conflict || f.forged);
    const rows = await this.db.outbox.toArray();
    expect(rows.map((r) => r.id).sort(), 'only quarantined/rejected rows remain').toEqual(problems);
    expect(
      [...this.server.entries.keys()].sort(),
      'the endpoint holds exactly the sealed ids',
    ).toEqual(ids((f) => !f.forged));
    expect(await this.db.tombstones.count()).toBe(this.sealed.size - problems.length);
  }

  async dispose() {
    await this.db.delete();
  }
}
