/**
 * The store contract (src/server/store/types.ts and its README), as tests that every store
 * must pass: store-sqlite.test.ts and store-postgres.test.ts each call describeStore with
 * a way to make an empty store. Besides the plain reads and writes, it checks what the
 * README promises: all-or-nothing changes, exactly one winner when two race, never without
 * a DSL, schools kept apart, and everything still there after the store is reopened. The
 * log's half is in store-contract-log.ts, batches and erasure in store-contract-erasure.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointStore } from '../../src/server/store/types.ts';
import { describeErasureContract } from './store-contract-erasure.ts';
import { describeLogContract } from './store-contract-log.ts';
import {
  addSchool,
  device,
  LATER,
  makeCode,
  newSchool,
  T0,
  uid,
  type StoreBackend,
} from './store-fixtures.ts';

export interface StoreUnderTest {
  store: EndpointStore;
  backend: StoreBackend;
  /** Closes the store and opens it again on the same data. */
  reopen(): Promise<EndpointStore>;
}

export function describeStore(name: string, makeBackend: () => Promise<StoreBackend>): void {
  const t = {} as StoreUnderTest;
  beforeEach(async () => {
    t.backend = await makeBackend();
    t.store = await t.backend.open();
    t.reopen = async () => {
      await t.store.close();
      t.store = await t.backend.open();
      return t.store;
    };
  });
  afterEach(async () => {
    await t.store.close();
    await t.backend.destroy();
  });

  describe(`${name} store: meta, schools and set-up codes`, () => {
    it('names itself, and keeps the first value of a meta key', async () => {
      expect(t.store.kind).toBe(name);
      expect(await t.store.getMeta('receipt_key')).toBeNull();
      expect(await t.store.initMeta('receipt_key', 'first')).toBe('first');
      expect(await t.store.initMeta('receipt_key', 'second')).toBe('first');
      expect(await (await t.reopen()).getMeta('receipt_key')).toBe('first');
    });

    it('keeps schools + pending codes equal to the slots, and each code makes one school', async () => {
      const codes = await t.store.ensureSetupCodes(3, makeCode);
      expect(codes).toHaveLength(3);
      expect(await t.store.ensureSetupCodes(3, makeCode)).toEqual(codes);
      const a = newSchool();
      expect(await t.store.setupSchool(a, codes[1]!)).toBe('created');
      expect(await t.store.setupSchool(newSchool(), codes[1]!)).toBe('code-used');
      expect(await t.store.setupSchool(newSchool(), 'NEVER-ISSUED')).toBe('code-used');
      expect(await t.store.pendingSetupCodes()).toEqual([codes[0], codes[2]]);
      // A clash with an existing school's id leaves the code usable.
      expect(await t.store.setupSchool(newSchool(a.school.id), codes[0]!)).toBe('school-exists');
      expect(await t.store.pendingSetupCodes()).toEqual([codes[0], codes[2]]);
      // Fewer slots: the newest pending code goes; never below zero pending.
      expect(await t.store.ensureSetupCodes(2, makeCode)).toEqual([codes[0]]);
      expect(await t.store.ensureSetupCodes(1, makeCode)).toEqual([]);
      expect(await (await t.reopen()).listSchools()).toEqual([a.school]);
    });

    it('creates a school with its set, device and key backup, all or nothing', async () => {
      const s = await addSchool(t.store);
      expect(await t.store.getSchool(s.school.id)).toEqual(s.school);
      expect(await t.store.getSchool('nope')).toBeNull();
      expect(await t.store.latestRecipientSet(s.school.id)).toEqual(s.recipientSet);
      expect(await t.store.getDevice(s.device.id)).toMatchObject({ ...s.device, revokedAt: null });
      expect(await t.store.getKeyBackup(s.device.id)).toBe(s.keyBackupJson);
      // A second school whose device id clashes fails whole: no school, code kept.
      const [code] = await t.store.ensureSetupCodes(2, makeCode);
      const clash = newSchool();
      clash.device = { ...clash.device, id: s.device.id };
      await expect(t.store.setupSchool(clash, code!)).rejects.toThrow();
      expect(await t.store.getSchool(clash.school.id)).toBeNull();
      expect(await t.store.pendingSetupCodes()).toEqual([code]);
    });

    it('lets exactly one of two set-ups with the same code win', async () => {
      const [code] = await t.store.ensureSetupCodes(1, makeCode);
      const outcomes = await Promise.all(
        [newSchool(), newSchool(), newSchool()].map((s) => t.store.setupSchool(s, code!)),
      );
      expect(outcomes.sort()).toEqual(['code-used', 'code-used', 'created']);
      expect(await t.store.listSchools()).toHaveLength(1);
    });
  });

  describe(`${name} store: recipient sets, devices, codes, backups and policy`, () => {
    it('adds only the next recipient-set version, one winner per version, per school', async () => {
      const a = await addSchool(t.store);
      const b = await addSchool(t.store);
      const set = (v: number) => ({ version: v, json: `{"v":${v}}` });
      expect(await t.store.addRecipientSet(a.school.id, set(3))).toBe(false);
      const raced = await Promise.all(
        [1, 2, 3].map(() => t.store.addRecipientSet(a.school.id, set(2))),
      );
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect(await t.store.hasRecipientSet(a.school.id, 2)).toBe(true);
      expect(await t.store.getRecipientSet(a.school.id, 2)).toEqual(set(2));
      expect(await t.store.hasRecipientSet(b.school.id, 2)).toBe(false);
      expect((await t.store.latestRecipientSet(b.school.id))?.version).toBe(1);
    });

    it('redeems a code once, registering the device in the same step', async () => {
      const s = await addSchool(t.store);
      const code = (hash: string, expiresAt = LATER) => ({
        codeHash: hash,
        school: s.school.id,
        createdBy: s.device.id,
        createdAt: T0,
        expiresAt,
        usedAt: null,
        usedBy: null,
        role: 'tablet' as const,
        personName: null,
      });
      await t.store.addEnrollmentCode(code('h1'));
      await t.store.addEnrollmentCode(code('h-old', T0));
      expect(await t.store.getEnrollmentCode('h1')).toEqual(code('h1'));
      const tablets = [1, 2, 3].map(() => device(s.school.id));
      const outcomes = await Promise.all(
        tablets.map((d) => t.store.redeemEnrollmentCode('h1', d, T0)),
      );
      expect(outcomes.sort()).toEqual(['registered', 'used', 'used']);
      expect(await t.store.listDevices(s.school.id)).toHaveLength(2);
      expect(await t.store.redeemEnrollmentCode('h-old', device(s.school.id), T0)).toBe('expired');
      expect(await t.store.redeemEnrollmentCode('nope', device(s.school.id), T0)).toBe('unknown');
      expect((await t.store.getEnrollmentCode('h1'))?.usedAt).toBe(T0);
    });

    it('approves and revokes within the school, and never revokes the last DSL', async () => {
      const a = await addSchool(t.store);
      const b = await addSchool(t.store);
      const pending = device(a.school.id, { role: 'dsl', approvedAt: null });
      await t.store.addEnrollmentCode({
        ...{ codeHash: 'c', school: a.school.id, createdBy: a.device.id, createdAt: T0 },
        ...{ expiresAt: LATER, usedAt: null, usedBy: null, role: 'dsl', personName: null },
      });
      expect(await t.store.redeemEnrollmentCode('c', pending, T0)).toBe('registered');
      // Another school's DSL sees no such device.
      expect(await t.store.approveDevice(b.school.id, pending.id, LATER)).toBe('not-found');
      expect(await t.store.revokeDevice(b.school.id, pending.id, LATER)).toBe('not-found');
      expect(await t.store.approveDevice(a.school.id, pending.id, LATER)).toBe('approved');
      expect(await t.store.approveDevice(a.school.id, pending.id, LATER)).toBe('already-approved');
      // Two DSLs revoking each other at once: exactly one goes, one always remains.
      const both = await Promise.all([
        t.store.revokeDevice(a.school.id, pending.id, LATER),
        t.store.revokeDevice(a.school.id, a.device.id, LATER),
      ]);
      expect([...both].sort()).toEqual(['last-dsl', 'revoked']);
      const left = (await t.store.listDevices(a.school.id)).filter((d) => d.revokedAt === null);
      expect(left).toHaveLength(1);
      expect(await t.store.revokeDevice(a.school.id, left[0]!.id, LATER)).toBe('last-dsl');
      const gone = both[0] === 'revoked' ? pending.id : a.device.id;
      expect(await t.store.revokeDevice(a.school.id, gone, LATER)).toBe('already-revoked');
      expect(await t.store.approveDevice(a.school.id, gone, LATER)).toBe('revoked');
      expect(await t.store.listDevices(b.school.id)).toHaveLength(1);
    });

    it('keeps office codes and devices, and an office device never counts as a DSL', async () => {
      const s = await addSchool(t.store);
      const code = {
        ...{ codeHash: 'office', school: s.school.id, createdBy: s.device.id, createdAt: T0 },
        ...{ expiresAt: LATER, usedAt: null, usedBy: null, role: 'office' as const },
        personName: null,
      };
      await t.store.addEnrollmentCode(code);
      expect(await t.store.getEnrollmentCode('office')).toEqual(code);
      const office = device(s.school.id, { role: 'office', name: 'School office PC' });
      expect(await t.store.redeemEnrollmentCode('office', office, T0)).toBe('registered');
      // A tablet code made by the office's computer names it as the enroller.
      await t.store.addEnrollmentCode({
        ...{ ...code, codeHash: 'by-office', createdBy: office.id },
        role: 'tablet',
      });
      const tablet = device(s.school.id, { enrolledBy: office.id });
      expect(await t.store.redeemEnrollmentCode('by-office', tablet, T0)).toBe('registered');
      const store = await t.reopen();
      expect(await store.getDevice(office.id)).toMatchObject({ ...office, revokedAt: null });
      expect((await store.listDevices(s.school.id)).map((d) => d.role).sort()).toEqual([
        'dsl',
        'office',
        'tablet',
      ]);
      // The lone DSL stays the last DSL with an office device beside it; the office goes.
      expect(await store.revokeDevice(s.school.id, s.device.id, LATER)).toBe('last-dsl');
      expect(await store.revokeDevice(s.school.id, office.id, LATER)).toBe('revoked');
      expect((await store.getDevice(office.id))?.revokedAt).toBe(LATER);
    });

    it('keeps device reports, backups and policy packs, each school its own', async () => {
      const a = await addSchool(t.store);
      const b = await addSchool(t.store);
      await t.store.touchDevice(a.device.id, LATER);
      await t.store.reportDeviceStatus(a.device.id, 7, T0);
      await t.store.markSynced(a.device.id, LATER);
      await t.store.putKeyBackup(a.school.id, a.device.id, '{"ct":"new"}', LATER);
      await t.store.putPolicy(a.school.id, '{"p":1}', a.device.id, T0);
      await t.store.putPolicy(a.school.id, '{"p":2}', a.device.id, LATER);
      const store = await t.reopen();
      expect(await store.getDevice(a.device.id)).toMatchObject({
        ...{ lastSeenAt: LATER, queued: 7, oldestQueuedAt: T0, lastSyncAt: LATER },
      });
      expect(await store.getKeyBackup(a.device.id)).toBe('{"ct":"new"}');
      expect(await store.getKeyBackup(uid('nobody'))).toBeNull();
      expect(await store.getPolicy(a.school.id)).toBe('{"p":2}');
      expect(await store.getPolicy(b.school.id)).toBeNull();
    });
  });

  describeLogContract(name, t);
  describeErasureContract(name, t);
}
