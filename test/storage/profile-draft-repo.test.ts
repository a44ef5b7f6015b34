import { describe, expect, it } from 'vitest';
import { deleteDraft, getDraft, listDrafts, putDraft } from '../../src/storage/draft-repo.ts';
import {
  deleteProfile,
  getProfile,
  listProfiles,
  saveProfile,
  updateProfile,
} from '../../src/storage/profile-repo.ts';
import type { DraftRecord, StaffProfileRecord } from '../../src/storage/records.ts';
import { salt, sealedBlob, useTestDb } from './support.ts';

const db = useTestDb();

const profile = (id: string, name: string): StaffProfileRecord => ({
  id,
  name,
  salt: salt(),
  iterations: 600_000,
  wrappedKey: sealedBlob(),
  createdAt: '2025-01-01T00:00:00.000Z',
  failedAttempts: 0,
});

const draft = (id: string, profileId: string, updatedAt: string): DraftRecord => ({
  id,
  profileId,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt,
  wrappedKey: sealedBlob(),
  data: sealedBlob(300),
});

describe('staff profiles', () => {
  it('lists profiles by name for the picker', async () => {
    await saveProfile(db(), profile('p1', 'Zara Hill'));
    await saveProfile(db(), profile('p2', 'Ben Ode'));
    await saveProfile(db(), profile('p3', 'amy Ng'));
    expect((await listProfiles(db())).map((p) => p.name)).toEqual([
      'amy Ng',
      'Ben Ode',
      'Zara Hill',
    ]);
  });

  it('updates counters and reports a missing profile', async () => {
    await saveProfile(db(), profile('p1', 'Ms Able'));
    expect(await updateProfile(db(), 'p1', { failedAttempts: 3 })).toBe(true);
    expect((await getProfile(db(), 'p1'))?.failedAttempts).toBe(3);
    expect(await updateProfile(db(), 'nobody', { failedAttempts: 1 })).toBe(false);
    expect(await getProfile(db(), 'nobody')).toBeUndefined();
  });

  it('deletes a profile together with its drafts, leaving other staff’s drafts alone', async () => {
    await saveProfile(db(), profile('p1', 'Ms Able'));
    await saveProfile(db(), profile('p2', 'Mr Zed'));
    await putDraft(db(), draft('d1', 'p1', '2025-01-02T00:00:00.000Z'));
    await putDraft(db(), draft('d2', 'p1', '2025-01-03T00:00:00.000Z'));
    await putDraft(db(), draft('d3', 'p2', '2025-01-03T00:00:00.000Z'));
    await deleteProfile(db(), 'p1');
    expect(await getProfile(db(), 'p1')).toBeUndefined();
    expect(await listDrafts(db(), 'p1')).toEqual([]);
    expect((await listDrafts(db(), 'p2')).map((d) => d.id)).toEqual(['d3']);
  });

  it('never stores a PIN or unwrapped key passed along by mistake', async () => {
    await saveProfile(db(), { ...profile('p1', 'Ms Able'), pin: '1234' } as StaffProfileRecord);
    expect(Object.keys((await getProfile(db(), 'p1'))!).sort()).toEqual([
      'createdAt',
      'failedAttempts',
      'id',
      'iterations',
      'lastFailedAt',
      'name',
      'salt',
      'wrappedKey',
    ]);
  });
});

describe('drafts', () => {
  it('lists a profile’s drafts newest first', async () => {
    await putDraft(db(), draft('a', 'p1', '2025-01-02T09:00:00.000Z'));
    await putDraft(db(), draft('b', 'p1', '2025-01-02T11:00:00.000Z'));
    await putDraft(db(), draft('c', 'p1', '2025-01-02T10:00:00.000Z'));
    expect((await listDrafts(db(), 'p1')).map((d) => d.id)).toEqual(['b', 'c', 'a']);
  });

  it('round-trips and deletes', async () => {
    const d = draft('a', 'p1', '2025-01-02T09:00:00.000Z');
    await putDraft(db(), d);
    expect(await getDraft(db(), 'a')).toEqual(d);
    await deleteDraft(db(), 'a');
    expect(await getDraft(db(), 'a')).toBeUndefined();
  });

  it('drops plaintext left on the draft object and refuses text posing as ciphertext', async () => {
    const leaky = {
      ...draft('a', 'p1', '2025-01-02T09:00:00.000Z'),
      fields: { what: 'a child said' },
    } as DraftRecord;
    await putDraft(db(), leaky);
    expect(JSON.stringify(await getDraft(db(), 'a'))).not.toContain('a child said');
    await expect(
      putDraft(db(), {
        ...draft('b', 'p1', '2025-01-02T09:00:00.000Z'),
        data: { iv: sealedBlob().iv, ct: 'a child said "stop"' },
      }),
    ).rejects.toThrow(/not an encrypted/);
    expect(await getDraft(db(), 'b')).toBeUndefined();
  });
});
