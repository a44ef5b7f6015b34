/**
 * The log's half of the store contract (store-contract.ts): compare-and-append on the
 * tail, ids and ciphertexts unique within a school, one winner when appends race, pages
 * bounded by count and bytes, each school with its own indexes, and nothing lost on reopen.
 */
import { describe, expect, it } from 'vitest';
import type { StoreUnderTest } from './store-contract.ts';
import { addSchool, appendMany, entry } from './store-fixtures.ts';

export function describeLogContract(name: string, t: StoreUnderTest): void {
  describe(`${name} store: the log`, () => {
    it('appends only on the tail it was read from', async () => {
      const { school } = await addSchool(t.store);
      expect(await t.store.logTail(school.id)).toBeNull();
      expect(await t.store.appendLog(entry(school.id, 2, 'genesis'))).toBe('tail-moved');
      const [first] = await appendMany(t.store, school.id, 1);
      expect(await t.store.logTail(school.id)).toEqual({ index: 1, head: first!.head });
      expect(await t.store.appendLog(entry(school.id, 2, 'not-the-head'))).toBe('tail-moved');
      expect(await t.store.appendLog(entry(school.id, 1, 'genesis'))).toBe('tail-moved');
      // The same id, or the same ciphertext under a new id, at the right place: refused.
      const again = entry(school.id, 2, first!.head, { id: first!.id });
      expect(await t.store.appendLog(again)).toBe('id-exists');
      const replay = entry(school.id, 2, first!.head, { ctHash: first!.ctHash });
      expect(await t.store.appendLog(replay)).toBe('ct-exists');
      expect(await t.store.findLogEntry(school.id, first!.id)).toEqual(first);
      expect(await t.store.findLogEntry(school.id, replay.id)).toBeNull();
    });

    it('lets exactly one of many racing appends at one index win', async () => {
      const { school } = await addSchool(t.store);
      const [first] = await appendMany(t.store, school.id, 1);
      const racers = Array.from({ length: 12 }, () => entry(school.id, 2, first!.head));
      const outcomes = await Promise.all(racers.map((e) => t.store.appendLog(e)));
      expect(outcomes.filter((o) => o === 'appended')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'appended').every((o) => o === 'tail-moved')).toBe(true);
      expect((await t.store.readLog(school.id, 0, 100)).map((e) => e.index)).toEqual([1, 2]);
    });

    it('keeps each school its own log: indexes, ids and ciphertexts', async () => {
      const a = (await addSchool(t.store)).school.id;
      const b = (await addSchool(t.store)).school.id;
      const [inA] = await appendMany(t.store, a, 1);
      // The same id and ciphertext in another school is that school's own first entry.
      const inB = entry(b, 1, 'genesis-b', { id: inA!.id, ctHash: inA!.ctHash });
      expect(await t.store.appendLog(inB)).toBe('appended');
      expect(await t.store.findLogEntry(a, inA!.id)).toEqual(inA);
      expect(await t.store.findLogEntry(b, inA!.id)).toEqual(inB);
      await appendMany(t.store, a, 2);
      expect((await t.store.logTail(a))?.index).toBe(3);
      expect((await t.store.logTail(b))?.index).toBe(1);
      expect((await t.store.readLog(b, 0, 100)).map((e) => e.school)).toEqual([b]);
    });

    it('reads pages by cursor, bounded by count and by bytes (but never empty)', async () => {
      const { school } = await addSchool(t.store);
      const entries = await appendMany(t.store, school.id, 5);
      expect(await t.store.readLog(school.id, 0, 100)).toEqual(entries);
      expect((await t.store.readLog(school.id, 1, 2)).map((e) => e.index)).toEqual([2, 3]);
      expect(await t.store.readLog(school.id, 5, 10)).toEqual([]);
      const size = entries[0]!.body.length;
      const page = await t.store.readLog(school.id, 0, 100, size * 2 + 1);
      expect(page.map((e) => e.index)).toEqual([1, 2]);
      expect((await t.store.readLog(school.id, 2, 100, 1)).map((e) => e.index)).toEqual([3]);
    });

    it('keeps every appended entry, exactly as given, across a reopen', async () => {
      const { school } = await addSchool(t.store);
      const entries = await appendMany(t.store, school.id, 30);
      const store = await t.reopen();
      expect(await store.readLog(school.id, 0, 100)).toEqual(entries);
      expect(await store.logTail(school.id)).toEqual({ index: 30, head: entries[29]!.head });
    });
  });
}
