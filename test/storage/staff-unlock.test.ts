import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDraft, putDraft } from '../../src/storage/draft-repo.ts';
import { getProfile } from '../../src/storage/profile-repo.ts';
import { startDraft } from '../../src/ui/capture/drafts.ts';
import {
  createProfile,
  ProfileWipedError,
  unlockProfile,
} from '../../src/ui/capture/staff-profiles.ts';

let db: SafetrailDb;
beforeEach(() => {
  db = new SafetrailDb(`unlock-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('unlocking a staff profile', () => {
  it('opens with the right PIN and resets the count', async () => {
    const sam = await createProfile(db, 'Sam', '482916');
    await expect(unlockProfile(db, sam.profileId, '000000', 1_000)).rejects.toThrow(/1 wrong try/);
    const opened = await unlockProfile(db, sam.profileId, '482916', 2_000);
    expect(opened.name).toBe('Sam');
    expect((await getProfile(db, sam.profileId))?.failedAttempts).toBe(0);
  });

  it('makes people wait after five wrong PINs, even with the right one', async () => {
    const sam = await createProfile(db, 'Sam', '482916');
    for (let i = 0; i < 5; i++)
      await expect(unlockProfile(db, sam.profileId, '111111', 1_000)).rejects.toThrow();
    await expect(unlockProfile(db, sam.profileId, '482916', 2_000)).rejects.toThrow(
      /Wait 29 seconds/,
    );
    expect((await unlockProfile(db, sam.profileId, '482916', 31_001)).name).toBe('Sam');
  });

  it('wipes the key and unsent drafts at the tenth wrong PIN, leaving others alone', async () => {
    const sam = await createProfile(db, 'Sam', '482916');
    const kim = await createProfile(db, 'Kim', '739154');
    const samDraft = await startDraft(db, sam);
    const kimDraft = await startDraft(db, kim);
    let now = 0;
    for (let i = 1; i <= 9; i++) {
      now += 20 * 60_000; // past any wait
      await expect(unlockProfile(db, sam.profileId, '111111', now)).rejects.toThrow(/not right/);
    }
    now += 20 * 60_000;
    await expect(unlockProfile(db, sam.profileId, '111111', now)).rejects.toBeInstanceOf(
      ProfileWipedError,
    );
    expect(await getProfile(db, sam.profileId)).toBeUndefined();
    expect(await getDraft(db, samDraft.id)).toBeUndefined();
    expect(await getDraft(db, kimDraft.id)).toBeDefined();
    expect((await unlockProfile(db, kim.profileId, '739154')).name).toBe('Kim');
  });

  it('one member of staff cannot open another’s draft, even with the record in hand', async () => {
    const sam = await createProfile(db, 'Sam', '482916');
    const kim = await createProfile(db, 'Kim', '739154');
    const draft = await startDraft(db, sam);
    const record = (await getDraft(db, draft.id))!;
    // Kim's session pretending the draft is hers still cannot unwrap Sam's draft key.
    await putDraft(db, { ...record, profileId: kim.profileId });
    const { openDraft } = await import('../../src/ui/capture/drafts.ts');
    await expect(openDraft(db, kim, draft.id)).rejects.toThrow();
  });
});

describe('staff keys bound to the tablet', () => {
  it('are wrapped a second time by the tablet’s own key, which a copied database lacks', async () => {
    const { deviceRecord } = await import('./support.ts');
    const { saveDevice } = await import('../../src/storage/device-repo.ts');
    const { generateDeviceVaultKey, isDeviceBound } = await import('../../src/crypto/staff-key.ts');
    await saveDevice(db, await deviceRecord({ vaultKey: await generateDeviceVaultKey() }));
    const sam = await createProfile(db, 'Sam', '482916');
    expect(isDeviceBound((await getProfile(db, sam.profileId))!)).toBe(true);
    expect((await unlockProfile(db, sam.profileId, '482916')).name).toBe('Sam');

    // The same rows on another machine: a different device key, so even the right PIN fails,
    // and it is not counted as a wrong PIN.
    await saveDevice(db, await deviceRecord({ vaultKey: await generateDeviceVaultKey() }));
    await expect(unlockProfile(db, sam.profileId, '482916')).rejects.toThrow(
      /made on another device/,
    );
    expect((await getProfile(db, sam.profileId))?.failedAttempts).toBe(0);
  });
});
