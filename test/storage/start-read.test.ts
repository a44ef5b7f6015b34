/**
 * The cold start's direct read of the device record and staff profiles: the same rows the
 * repositories return, nothing created where there is no database, and never in the way of
 * the app's own connection or of a schema upgrade.
 */
import { describe, expect, it } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDevice, saveDevice } from '../../src/storage/device-repo.ts';
import { listProfiles, saveProfile } from '../../src/storage/profile-repo.ts';
import { readStartRows } from '../../src/storage/start-read.ts';
import { deviceRecord, profileRecord, uniqueName } from './support.ts';

describe('readStartRows', () => {
  it('answers null where there is no database, and does not create one', async () => {
    const name = uniqueName();
    expect(await readStartRows(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('reads the rows the repositories read, while the app holds its connection open', async () => {
    const name = uniqueName();
    const db = new SafetrailDb(name);
    try {
      const device = await deviceRecord({ schoolName: 'Oak Hill Primary' });
      await saveDevice(db, device);
      await saveProfile(db, profileRecord('p2', 'Sam Teacher'));
      await saveProfile(db, profileRecord('p1', 'Alex Teacher'));
      const rows = await readStartRows(name);
      expect(rows?.device).toEqual(await getDevice(db));
      expect(rows?.device?.signingKey).toBeInstanceOf(CryptoKey);
      expect(rows?.profiles.map((p) => p.id).sort()).toEqual(
        (await listProfiles(db)).map((p) => p.id).sort(),
      );
      expect(db.isOpen()).toBe(true);
    } finally {
      await db.delete();
    }
  });

  it('answers an enrolled-but-empty device with no profiles', async () => {
    const name = uniqueName();
    const db = new SafetrailDb(name);
    try {
      await db.open();
      expect(await readStartRows(name)).toEqual({ device: undefined, profiles: [] });
    } finally {
      await db.delete();
    }
  });

  it('answers null for a database without the stores it expects', async () => {
    const name = uniqueName();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('something-else');
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    try {
      expect(await readStartRows(name)).toBeNull();
    } finally {
      indexedDB.deleteDatabase(name);
    }
  });

  it('never holds up an upgrade that starts while it reads', async () => {
    const name = uniqueName();
    // An older schema on disk, as a tablet has before an app update.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 10);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('device', { keyPath: 'key' });
        req.result.createObjectStore('profiles', { keyPath: 'id' });
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    let blocked = false;
    const db = new SafetrailDb(name, { onBlocked: () => (blocked = true) });
    try {
      const read = readStartRows(name);
      await db.open();
      expect(db.verno).toBe(2);
      expect(blocked).toBe(false);
      // Either it finished first or it gave way; it never fails.
      expect([null, JSON.stringify({ profiles: [] })]).toContain(
        (await read) === null ? null : JSON.stringify(await read),
      );
    } finally {
      await db.delete();
    }
  });
});
