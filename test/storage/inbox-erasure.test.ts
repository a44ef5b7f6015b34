/**
 * A DSL console following the endpoint's erasure log: removing erased envelopes from its
 * inbox, applying each erasure once per database and enrolment, catching an erasure made
 * while a pull was running, and the whole round through `pullNew` against a real endpoint
 * (the pull skips erased envelopes; the console drops the copies it already held).
 */
import { describe, expect, it } from 'vitest';
import { advanceErasureCursor, erasureCursor } from '../../src/storage/erasure-cursor.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import {
  addPulled,
  applyErasures,
  inboxCursor,
  listInbox,
  removeErased,
} from '../../src/storage/inbox-repo.ts';
import { createApiClient } from '../../src/sync/api-client.ts';
import {
  API,
  type ErasureInfo,
  type ErasureListResponse,
  type PulledEnvelope,
} from '../../src/sync/protocol.ts';
import { pullNew } from '../../src/ui/console/inbox.ts';
import { enrolTablet, seal, setupSchool, signedFetch, startTestServer } from '../server/helpers.ts';
import { fakeEnvelope } from '../unit/sync/fixtures.ts';
import { deviceRecord, useTestDb } from './support.ts';

const db = useTestDb();

const pulled = (logIndex: number): PulledEnvelope => ({
  logIndex,
  receivedAt: '2026-01-01T00:00:00.000Z',
  envelope: fakeEnvelope({ seq: logIndex }),
});

/** An endpoint's erasure log in memory, served in pages of `size`, counting the calls. */
function erasureLog(entries: ErasureInfo[], size = 2) {
  const calls: number[] = [];
  const list = async (after: number): Promise<ErasureListResponse> => {
    calls.push(after);
    const rest = entries.filter((e) => e.index > after);
    const page = rest.slice(0, size);
    return { erasures: page, next: rest.length > size ? page.at(-1)!.index : null };
  };
  return { list, calls };
}

const erasure = (index: number, ids: string[]): ErasureInfo => ({
  index,
  ids,
  device: 'dsl1',
  at: '2026-01-02T00:00:00.000Z',
});

describe('removing erased envelopes from the inbox', () => {
  it('deletes exactly the named rows, and nothing for unknown ids', async () => {
    const items = [1, 2, 3].map(pulled);
    await addPulled(db(), items);
    expect(await removeErased(db(), [])).toBe(0);
    expect(await removeErased(db(), [items[0]!.envelope.id, 'unknown'])).toBe(1);
    expect(await removeErased(db(), [items[0]!.envelope.id])).toBe(0);
    expect((await listInbox(db())).map((r) => r.logIndex)).toEqual([2, 3]);
  });

  it('applies each erasure once, page by page, and keeps the cursor', async () => {
    const items = [1, 2, 3, 4, 5].map(pulled);
    await addPulled(db(), items);
    const id = (i: number) => items[i - 1]!.envelope.id;
    const log = erasureLog([erasure(1, [id(1)]), erasure(2, []), erasure(3, [id(4), id(5)])]);
    expect(await erasureCursor(db())).toBe(0);
    expect(await applyErasures(db(), log.list)).toBe(3);
    expect(log.calls).toEqual([0, 2]);
    expect(await erasureCursor(db())).toBe(3);
    expect((await listInbox(db())).map((r) => r.logIndex)).toEqual([2, 3]);
    // Next time it starts after the last one applied.
    expect(await applyErasures(db(), log.list)).toBe(0);
    expect(log.calls.at(-1)).toBe(3);
  });

  it('catches an erasure made while a pull ran, though another tab moved the cursor on', async () => {
    const item = pulled(1);
    const before = await erasureCursor(db()); // read before the pull, as pullNew does
    // Meanwhile: another tab applies erasure 1, then this tab's slow pull stores the envelope.
    await advanceErasureCursor(db(), 1);
    await addPulled(db(), [item]);
    const log = erasureLog([erasure(1, [item.envelope.id])]);
    expect(await applyErasures(db(), log.list, before)).toBe(1);
    expect(await listInbox(db())).toEqual([]);
    // The cursor never moves back.
    await advanceErasureCursor(db(), 0);
    expect(await erasureCursor(db())).toBe(1);
  });

  it('keeps a cursor per enrolment: a device enrolled again starts from the beginning', async () => {
    await saveDevice(db(), await deviceRecord({ deviceId: 'first' }));
    await advanceErasureCursor(db(), 7);
    expect(await erasureCursor(db())).toBe(7);
    await saveDevice(db(), await deviceRecord({ deviceId: 'second' }));
    expect(await erasureCursor(db())).toBe(0);
  });
});

describe('pullNew against a real endpoint', () => {
  it('drops the copies of envelopes another DSL erased, and never pulls them again', async () => {
    const server = await startTestServer();
    try {
      const school = await setupSchool(server);
      const tablet = await enrolTablet(server, school);
      const envelopes = [];
      for (let i = 0; i < 4; i++) envelopes.push(await seal(school, tablet, { n: i }));
      await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes });
      const api = createApiClient({
        endpoint: server.url,
        device: { deviceId: school.dslDevice.id, signingKey: school.dslDevice.keys.privateKey },
      });
      expect(await pullNew(db(), api)).toBe(4);

      // Erased at the endpoint (by this or another DSL console): the last two records.
      const ids = [envelopes[2]!.id, envelopes[3]!.id];
      expect(await api.erase(ids)).toEqual({ erased: 2, index: 1 });
      expect(await pullNew(db(), api)).toBe(0);
      const held = (await listInbox(db())).map((r) => r.id);
      expect(held).toEqual([envelopes[0]!.id, envelopes[1]!.id]);
      expect(await erasureCursor(db())).toBe(1);

      // The inbox's own cursor fell back to 2; pulling again brings nothing erased back.
      expect(await inboxCursor(db())).toBe(2);
      const later = await seal(school, tablet, { n: 4 });
      await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: [later] });
      expect(await pullNew(db(), api)).toBe(1);
      expect((await listInbox(db())).map((r) => r.id)).toEqual([...held, later.id]);
    } finally {
      await server.close();
    }
  });

  it('takes turns: a pull asked for while one runs waits, then finds only what is new', async () => {
    const server = await startTestServer();
    try {
      const school = await setupSchool(server);
      const tablet = await enrolTablet(server, school);
      const envelopes = [];
      for (let i = 0; i < 3; i++) envelopes.push(await seal(school, tablet, { n: i }));
      await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes });
      const api = createApiClient({
        endpoint: server.url,
        device: { deviceId: school.dslDevice.id, signingKey: school.dslDevice.keys.privateKey },
      });
      const asked: number[] = [];
      const counted = {
        ...api,
        pull: (after: number, limit?: number) => {
          asked.push(after);
          return api.pull(after, limit);
        },
      };
      expect(await Promise.all([pullNew(db(), counted), pullNew(db(), counted)])).toEqual([3, 0]);
      // The second asked from where the first had stored up to, not from the start.
      expect(asked).toEqual([0, 3]);
      expect((await listInbox(db())).map((r) => r.id)).toEqual(envelopes.map((e) => e.id));
    } finally {
      await server.close();
    }
  });
});
