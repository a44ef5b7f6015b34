/** Which school this browser belongs to, read without a session (for the policy pack). */
import { describe, expect, it } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import { enrolledSchoolId } from '../../src/storage/own-school.ts';
import { deviceRecord, uniqueName } from './support.ts';

describe('enrolledSchoolId', () => {
  it('is undefined before enrollment, without creating the database', async () => {
    const name = uniqueName();
    expect(await enrolledSchoolId(name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('names the enrolled school, while the app holds its own connection open', async () => {
    const name = uniqueName();
    const db = new SafetrailDb(name);
    try {
      expect(await enrolledSchoolId(name)).toBeUndefined();
      await saveDevice(db, await deviceRecord({ schoolId: 'sch-hub-7' }));
      expect(await enrolledSchoolId(name)).toBe('sch-hub-7');
      expect(db.isOpen()).toBe(true);
    } finally {
      await db.delete();
    }
  });
});
