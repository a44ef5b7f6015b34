/**
 * The store contract for batched appends, upload lookups and retention erasure
 * (store-contract.ts runs it for every store): a batch is all or nothing and one winner
 * when batches race; erasing empties a body but keeps what the chain, the receipts and the
 * replay check need, is idempotent, stays inside its school, and is logged per school.
 */
import { describe, expect, it } from 'vitest';
import type { StoreUnderTest } from './store-contract.ts';
import { addSchool, appendMany, entry, LATER, T0 } from './store-fixtures.ts';
import { MAX_APPEND_BATCH, type LogEntry } from '../../src/server/store/types.ts';

/** `n` linked entries following `after` (index, head) in `school`'s log. */
function chainOf(school: string, after: { index: number; head: string } | null, n: number) {
  const out: LogEntry[] = [];
  let tail = after ?? { index: 0, head: 'genesis' };
  for (let i = 0; i < n; i++) {
    const e = entry(school, tail.index + 1, tail.head);
    out.push(e);
    tail = { index: e.index, head: e.head };
  }
  return out;
}

export function describeErasureContract(name: string, t: StoreUnderTest): void {
  describe(`${name} store: batched appends`, () => {
    it('appends a batch in one go, or none of it, saying why', async () => {
      const { school } = await addSchool(t.store);
      expect(await t.store.appendLogBatch([])).toBe('appended');
      const batch = chainOf(school.id, null, 5);
      expect(await t.store.appendLogBatch(batch)).toBe('appended');
      expect(await t.store.readLog(school.id, 0, 100)).toEqual(batch);

      const tail = { index: 5, head: batch[4]!.head };
      const withOldId = chainOf(school.id, tail, 3);
      withOldId[2] = { ...withOldId[2]!, id: batch[0]!.id };
      expect(await t.store.appendLogBatch(withOldId)).toBe('id-exists');
      const withOldCt = chainOf(school.id, tail, 3);
      withOldCt[1] = { ...withOldCt[1]!, ctHash: batch[3]!.ctHash };
      expect(await t.store.appendLogBatch(withOldCt)).toBe('ct-exists');
      const twiceInside = chainOf(school.id, tail, 3);
      twiceInside[2] = { ...twiceInside[2]!, ctHash: twiceInside[0]!.ctHash };
      expect(await t.store.appendLogBatch(twiceInside)).toBe('ct-exists');
      expect(await t.store.appendLogBatch(chainOf(school.id, { index: 4, head: 'x' }, 2))).toBe(
        'tail-moved',
      );
      // Nothing of the refused batches was kept.
      expect((await t.store.readLog(school.id, 0, 100)).map((e) => e.index)).toEqual([
        1, 2, 3, 4, 5,
      ]);
      expect(await t.store.findLogEntry(school.id, withOldId[0]!.id)).toBeNull();
    });

    it('refuses a batch whose entries do not follow each other', async () => {
      const { school } = await addSchool(t.store);
      const [a, b] = chainOf(school.id, null, 2);
      await expect(
        t.store.appendLogBatch([a!, { ...b!, prevHead: 'elsewhere' }]),
      ).rejects.toThrow();
      expect(await t.store.logTail(school.id)).toBeNull();
    });

    it('takes a batch of the largest size whole, and refuses a larger one whole', async () => {
      const { school } = await addSchool(t.store);
      const largest = chainOf(school.id, null, MAX_APPEND_BATCH);
      expect(await t.store.appendLogBatch(largest)).toBe('appended');
      const stored = await t.store.readLog(school.id, 0, MAX_APPEND_BATCH);
      expect(stored).toHaveLength(MAX_APPEND_BATCH);
      expect(stored.at(-1)).toEqual(largest.at(-1));
      const tail = { index: MAX_APPEND_BATCH, head: largest.at(-1)!.head };
      await expect(
        t.store.appendLogBatch(chainOf(school.id, tail, MAX_APPEND_BATCH + 1)),
      ).rejects.toThrow(`at most ${MAX_APPEND_BATCH} entries`);
      expect((await t.store.logTail(school.id))?.index).toBe(MAX_APPEND_BATCH);
    });

    it('lets exactly one of several racing batches at one place win', async () => {
      const { school } = await addSchool(t.store);
      const [first] = await appendMany(t.store, school.id, 1);
      const tail = { index: 1, head: first!.head };
      const batches = Array.from({ length: 6 }, () => chainOf(school.id, tail, 4));
      const outcomes = await Promise.all(batches.map((b) => t.store.appendLogBatch(b)));
      expect(outcomes.filter((o) => o === 'appended')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'appended').every((o) => o === 'tail-moved')).toBe(true);
      const winner = batches[outcomes.indexOf('appended')]!;
      expect(await t.store.readLog(school.id, 1, 100)).toEqual(winner);
    });

    it('looks up the tail, known ids and known ciphertexts, within the school', async () => {
      const a = (await addSchool(t.store)).school.id;
      const b = (await addSchool(t.store)).school.id;
      const [e1, e2] = await appendMany(t.store, a, 2);
      const look = await t.store.lookupLog(a, [e1!.id, 'nope', e2!.id], [e2!.ctHash, 'ct-nope']);
      expect(look.tail).toEqual({ index: 2, head: e2!.head });
      expect(look.known.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
        [e1!, e2!]
          .map(({ id, envelopeHash, receipt }) => ({ id, envelopeHash, receipt }))
          .sort((x, y) => x.id.localeCompare(y.id)),
      );
      expect(look.ctHashes).toEqual([e2!.ctHash]);
      expect(await t.store.lookupLog(b, [e1!.id], [e1!.ctHash])).toEqual({
        tail: null,
        known: [],
        ctHashes: [],
      });
    });
  });

  describe(`${name} store: retention erasure`, () => {
    it('empties the bodies but keeps the chain, the receipt and the replay check', async () => {
      const { school, device } = await addSchool(t.store);
      const entries = await appendMany(t.store, school.id, 4);
      const ids = [entries[1]!.id, entries[3]!.id];
      const record = await t.store.eraseEnvelopes(school.id, ids, device.id, LATER);
      expect(record).toEqual({ school: school.id, index: 1, device: device.id, at: LATER, ids });
      const log = await t.store.readLog(school.id, 0, 100);
      expect(log.map((e) => e.erasedAt)).toEqual([null, LATER, null, LATER]);
      for (const [i, e] of log.entries()) {
        const { body, erasedAt, ...kept } = e;
        const { body: before, erasedAt: _, ...was } = entries[i]!;
        expect(kept).toEqual(was);
        expect(body).toBe(erasedAt === null ? before : '');
      }
      expect((await t.store.findLogEntry(school.id, ids[0]!))?.body).toBe('');
      // The erased ciphertext, or id, cannot come back.
      const tail = { index: 4, head: entries[3]!.head };
      const replay = entry(school.id, 5, tail.head, { ctHash: entries[1]!.ctHash });
      expect(await t.store.appendLog(replay)).toBe('ct-exists');
      expect(await t.store.appendLog(entry(school.id, 5, tail.head, { id: ids[0]! }))).toBe(
        'id-exists',
      );
      const look = await t.store.lookupLog(school.id, [ids[0]!], [entries[1]!.ctHash]);
      expect(look.known.map((k) => k.id)).toEqual([ids[0]]);
      expect(look.ctHashes).toEqual([entries[1]!.ctHash]);
      // An erased entry weighs nothing against a page's byte budget.
      const budget = entries[0]!.body.length + 1;
      expect((await t.store.readLog(school.id, 0, 100, budget)).map((e) => e.index)).toEqual([
        1, 2,
      ]);
    });

    it('is idempotent, ignores unknown ids, and logs every request', async () => {
      const { school, device } = await addSchool(t.store);
      const [e1, e2] = await appendMany(t.store, school.id, 2);
      const first = await t.store.eraseEnvelopes(school.id, [e1!.id, 'unknown'], device.id, T0);
      expect(first.ids).toEqual([e1!.id]);
      const again = await t.store.eraseEnvelopes(school.id, [e1!.id, e1!.id], device.id, LATER);
      expect(again).toMatchObject({ index: 2, ids: [] });
      const both = await t.store.eraseEnvelopes(school.id, [e2!.id, e1!.id], device.id, LATER);
      expect(both).toMatchObject({ index: 3, ids: [e2!.id] });
      expect((await t.store.findLogEntry(school.id, e1!.id))?.erasedAt).toBe(T0);
      const store = await t.reopen();
      expect(await store.listErasures(school.id, 0, 100)).toEqual([first, again, both]);
      expect((await store.listErasures(school.id, 1, 1)).map((r) => r.index)).toEqual([2]);
      expect(await store.listErasures(school.id, 3, 10)).toEqual([]);
    });

    it('stays inside its school: another school’s ids are neither erased nor counted', async () => {
      const a = await addSchool(t.store);
      const b = await addSchool(t.store);
      const [inB] = await appendMany(t.store, b.school.id, 1);
      // The same id in both schools: erasing in A touches only A's.
      const inA = entry(a.school.id, 1, 'genesis-a', { id: inB!.id });
      expect(await t.store.appendLog(inA)).toBe('appended');
      const [onlyB] = await appendMany(t.store, b.school.id, 1);
      const r = await t.store.eraseEnvelopes(a.school.id, [inB!.id, onlyB!.id], a.device.id, T0);
      expect(r).toMatchObject({ index: 1, ids: [inB!.id] });
      expect(await t.store.readLog(b.school.id, 0, 100)).toEqual([inB, onlyB]);
      expect(await t.store.listErasures(b.school.id, 0, 100)).toEqual([]);
      const rb = await t.store.eraseEnvelopes(b.school.id, [onlyB!.id], b.device.id, T0);
      expect(rb.index).toBe(1);
    });

    it('numbers concurrent erasures one after another', async () => {
      const { school, device } = await addSchool(t.store);
      const entries = await appendMany(t.store, school.id, 6);
      const records = await Promise.all(
        entries.map((e) => t.store.eraseEnvelopes(school.id, [e.id], device.id, T0)),
      );
      expect(records.map((r) => r.index).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(records.every((r) => r.ids.length === 1)).toBe(true);
    });
  });
}
