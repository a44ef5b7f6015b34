/**
 * The endpoint killed with SIGKILL at random moments while three uploaders stream records
 * to it, then started again on the same data folder, over and over. Uploads whose answer
 * never came are sent again after the restart, as a tablet would. At the end every record
 * for which a receipt was issued is in the log at the receipt's index with the receipt's
 * chain head, nothing is in it twice or that was never sealed, the resent records were all
 * stored or recognised (never a conflict), and the chain verifies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/crypto/envelope.ts';
import { verifyChain } from '../../src/server/chain.ts';
import { SqliteStore } from '../../src/server/store/sqlite-store.ts';
import { API, type UploadResponse } from '../../src/sync/protocol.ts';
import type { Receipt } from '../../src/sync/receipt.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  type TestDevice,
  type TestSchool,
} from '../server/helpers.ts';
import { startEndpoint, type EndpointProcess } from './endpoint-process.ts';
import { int, rng } from './fuzz-junk.ts';

const KILLS = 12;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const root = mkdtempSync(join(tmpdir(), 'safetrail-crash-'));
const env = { DATA_DIR: join(root, 'data'), DIST_DIR: root, RATE_LIMIT_PER_MINUTE: '0' };
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the endpoint killed mid-upload', () => {
  it(`keeps every receipted record across ${KILLS} SIGKILLs, and the chain verifies`, async () => {
    const r = rng(SEED);
    let endpoint: EndpointProcess = await startEndpoint(env);
    const school: TestSchool = await setupSchool(endpoint, endpoint.setupCode!);
    const tablet: TestDevice = await enrolTablet(endpoint, school);
    const sealed = new Map<string, Envelope>();
    const receipts = new Map<string, Receipt>();
    const inDoubt = new Map<string, Envelope>();
    let resentConflicts = 0;
    let inFlightAtKills = 0;

    const uploader = async (alive: () => boolean) => {
      while (alive()) {
        const batch = inDoubt.size > 0 ? [...inDoubt.values()].slice(0, 5) : [];
        for (let n = 1 + int(r, 4); n > 0; n--) {
          const e = await seal(school, tablet, { note: 'crash' });
          sealed.set(e.id, e);
          batch.push(e);
        }
        for (const e of batch) inDoubt.set(e.id, e);
        let results: UploadResponse['results'];
        try {
          const res = await signedFetch(endpoint, tablet, 'POST', API.envelopes, {
            envelopes: batch,
          });
          results = ((await res.json()) as UploadResponse).results;
        } catch {
          return; // killed: what was in flight stays in doubt, to be sent again
        }
        for (const result of results) {
          if (result.status === 'stored' || result.status === 'duplicate') {
            receipts.set(result.id, result.receipt);
            inDoubt.delete(result.id);
          } else resentConflicts++;
        }
      }
    };

    for (let kill = 0; kill < KILLS; kill++) {
      let alive = true;
      const running = Promise.all([1, 2, 3].map(() => uploader(() => alive)));
      await new Promise((resolve) => setTimeout(resolve, 40 + int(r, 400)));
      endpoint.child.kill('SIGKILL');
      await endpoint.exited;
      alive = false;
      await running;
      inFlightAtKills += inDoubt.size;
      endpoint = await startEndpoint(env);
    }
    // Settle: everything still in doubt is sent again to the last endpoint.
    while (inDoubt.size > 0) {
      const batch = [...inDoubt.values()].slice(0, 50);
      const res = await signedFetch(endpoint, tablet, 'POST', API.envelopes, { envelopes: batch });
      for (const result of ((await res.json()) as UploadResponse).results) {
        expect(result.status === 'stored' || result.status === 'duplicate').toBe(true);
        if ('receipt' in result) receipts.set(result.id, result.receipt);
        inDoubt.delete(result.id);
      }
    }
    endpoint.child.kill('SIGTERM');
    expect(await endpoint.exited).toBe(0);

    const store = new SqliteStore(env.DATA_DIR);
    try {
      const log = await store.readLog(school.id, 0, 1_000_000, Infinity);
      console.log(
        `crash: seed ${SEED}, ${KILLS} kills, ${sealed.size} sealed, ${receipts.size} receipted, ${inFlightAtKills} in flight at the kills, ${log.length} in the log`,
      );
      expect(resentConflicts).toBe(0);
      expect(log.length).toBe(new Set(log.map((e) => e.id)).size);
      expect(new Set(log.map((e) => e.id))).toEqual(new Set(sealed.keys()));
      const byId = new Map(log.map((e) => [e.id, e]));
      for (const [id, receipt] of receipts) {
        expect(byId.get(id)?.index).toBe(receipt.logIndex);
        expect(byId.get(id)?.head).toBe(receipt.chainHead);
      }
      expect(await verifyChain(store)).toMatchObject({ ok: true, length: sealed.size });
    } finally {
      await store.close();
    }
  });
});
