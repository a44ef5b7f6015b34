/**
 * Two hub processes on one PostgreSQL database (two stores, each with its own pool): an
 * append takes no lock, so the database's unique keys alone must make exactly one of two
 * racing batches win, whichever process sends it; and a recipient set one process adds is
 * found by the other, which remembers only sets it has found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/server/store/postgres-store.ts';
import type { LogEntry } from '../../src/server/store/types.ts';
import { createTestDatabase, type TestDatabase } from './postgres-db.ts';
import { addSchool, appendMany, entry } from './store-fixtures.ts';

let db: TestDatabase;
let one: PostgresStore;
let other: PostgresStore;

beforeAll(async () => {
  db = await createTestDatabase();
  one = await PostgresStore.open(db.url);
  other = await PostgresStore.open(db.url);
});
afterAll(async () => {
  await one.close();
  await other.close();
  await db.drop();
});

function chainAfter(school: string, tail: { index: number; head: string }, n: number) {
  const out: LogEntry[] = [];
  for (let i = 0; i < n; i++) {
    const e = entry(school, tail.index + 1, tail.head);
    out.push(e);
    tail = e;
  }
  return out;
}

describe('PostgreSQL: two hub processes on one database', () => {
  it('lets exactly one of their racing batches at one place win, and keeps a replay out', async () => {
    const { school } = await addSchool(one);
    const [first] = await appendMany(one, school.id, 1);
    for (let round = 0; round < 5; round++) {
      const tail = (await one.logTail(school.id))!;
      const batches = [one, other, one, other].map(() => chainAfter(school.id, tail, 3));
      // A ciphertext from the log under a new id, racing the others from the other process.
      const replay = chainAfter(school.id, tail, 3);
      replay[1] = { ...replay[1]!, ctHash: first!.ctHash };
      const outcomes = await Promise.all([
        ...batches.map((b, i) => (i % 2 ? other : one).appendLogBatch(b)),
        other.appendLogBatch(replay),
      ]);
      expect(outcomes.filter((o) => o === 'appended')).toHaveLength(1);
      expect(outcomes.at(-1)).not.toBe('appended');
      const winner = batches[outcomes.indexOf('appended')]!;
      expect(await other.readLog(school.id, tail.index, 100)).toEqual(winner);
    }
    expect((await one.logTail(school.id))?.index).toBe(16);
  });

  it('finds a recipient set the other process added after it was asked for', async () => {
    const { school } = await addSchool(one);
    expect(await one.hasRecipientSet(school.id, 2)).toBe(false);
    expect(await other.addRecipientSet(school.id, { version: 2, json: '{"v":2}' })).toBe(true);
    expect(await one.hasRecipientSet(school.id, 2)).toBe(true);
    expect(await one.hasRecipientSet(school.id, 3)).toBe(false);
  });
});
