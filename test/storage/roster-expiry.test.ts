/**
 * Trip rosters: encrypted under the staff key, and deleted automatically once the set
 * number of days after the trip's last day has passed, without needing anyone's key.
 */
import { describe, expect, it } from 'vitest';
import { importAesKey } from '../../src/crypto/aead.ts';
import { randomBytes } from '../../src/crypto/bytes.ts';
import { decryptRoster, encryptRoster } from '../../src/crypto/roster-seal.ts';
import { listRosters, purgeExpiredRosters, putRoster } from '../../src/storage/roster-repo.ts';
import { loadRosters, saveRoster } from '../../src/ui/capture/rosters.ts';
import { sealedBlob, useTestDb } from './support.ts';

const db = useTestDb();
const at = (local: string) => new Date(local).getTime();

const row = (id: string, endsOn: string, profileId = 'p1') => ({
  id,
  profileId,
  createdAt: '2025-03-01T00:00:00.000Z',
  endsOn,
  data: sealedBlob(),
});

describe('roster expiry', () => {
  it.each([
    // A trip ending 12 March, kept 7 days: gone from the start of 20 March, local time.
    ['2025-03-19T23:59', 7, ['r1']],
    ['2025-03-20T00:00', 7, []],
    // The policy pack may keep rosters for a different number of days.
    ['2025-03-14T12:00', 1, []],
    ['2025-03-13T12:00', 1, ['r1']],
  ])('at %s with %i days kept, holds %j', async (now, days, kept) => {
    await putRoster(db(), row('r1', '2025-03-12'));
    expect(await purgeExpiredRosters(db(), at(now), days)).toBe(kept.length ? 0 : 1);
    expect((await db().rosters.toArray()).map((r) => r.id)).toEqual(kept);
  });

  it('purges every profile’s expired rosters and keeps the rest', async () => {
    await putRoster(db(), row('old-p1', '2025-01-10', 'p1'));
    await putRoster(db(), row('old-p2', '2025-01-11', 'p2'));
    await putRoster(db(), row('next-week', '2025-03-20', 'p2'));
    // A row whose date cannot be read cannot be kept safely either.
    await db().rosters.put({ ...row('garbled', '2025-03-20'), endsOn: 'soon' });
    expect(await purgeExpiredRosters(db(), at('2025-03-01T09:00'), 7)).toBe(3);
    expect((await db().rosters.toArray()).map((r) => r.id)).toEqual(['next-week']);
  });

  it('refuses a roster without a readable last day or with plaintext content', async () => {
    await expect(putRoster(db(), { ...row('r', '2025-03-12'), endsOn: '' })).rejects.toThrow(
      /last day/,
    );
    await expect(
      putRoster(db(), { ...row('r', '2025-03-12'), data: { iv: 'x', ct: 'Jo Bloggs' } }),
    ).rejects.toThrow(/not an encrypted/);
    expect(await db().rosters.count()).toBe(0);
  });

  it('is readable only with its owner’s key, and only as itself', async () => {
    const mine = await importAesKey(randomBytes(32));
    const theirs = await importAesKey(randomBytes(32));
    const sealed = await encryptRoster('r1', mine, { pupils: ['Jo Bloggs'] });
    expect(JSON.stringify(sealed)).not.toContain('Bloggs');
    await expect(decryptRoster('r1', mine, sealed)).resolves.toEqual({ pupils: ['Jo Bloggs'] });
    await expect(decryptRoster('r1', theirs, sealed)).rejects.toThrow(/could not be decrypted/);
    await expect(decryptRoster('r2', mine, sealed)).rejects.toThrow(/could not be decrypted/);
  });

  it('saves through the capture screen’s module and reads back only unexpired rosters', async () => {
    const staff = { profileId: 'p1', name: 'Sam', key: await importAesKey(randomBytes(32)) };
    const saved = await saveRoster(db(), staff, {
      tripName: 'Farm visit',
      startsOn: '2099-05-01',
      endsOn: '2099-05-02',
      pupils: [{ name: 'Jo B', yearGroup: 'Year 2' }],
    });
    expect((await listRosters(db(), 'p1'))[0]).toMatchObject({
      id: saved.id,
      endsOn: '2099-05-02',
    });
    expect(await loadRosters(db(), staff, 7, at('2099-05-09T23:00'))).toMatchObject([
      { tripName: 'Farm visit', pupils: [{ name: 'Jo B', yearGroup: 'Year 2' }] },
    ]);
    expect(await loadRosters(db(), staff, 7, at('2099-05-10T00:00'))).toEqual([]);
    // Another member of staff sees none of it.
    expect(await loadRosters(db(), { ...staff, profileId: 'p2' }, 7)).toEqual([]);
  });
});
