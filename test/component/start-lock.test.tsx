// The PIN screen a locked tablet draws on a cold start, before the rest of the app loads:
// it must behave as the app's own PIN screen does, checked here against a real stored
// profile (real PBKDF2 and AES-GCM through the app's unlock).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import type { DeviceRecord } from '../../src/storage/records.ts';
import { listProfiles } from '../../src/storage/profile-repo.ts';
import { createProfile, unlockProfile } from '../../src/ui/capture/staff-profiles.ts';
import { StartLock } from '../../src/ui/start/StartLock.tsx';

const device = {
  key: 'self',
  deviceId: 'dev1',
  schoolId: 'sch1',
  schoolName: 'Gracefield School',
  name: 'Year 4 trip tablet',
  role: 'tablet',
} as DeviceRecord;

let db: SafetrailDb;
beforeEach(() => {
  db = new SafetrailDb(`start-lock-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function drawLock() {
  await createProfile(db, 'Sam Teacher', '482916');
  await createProfile(db, 'Alex Assistant', '739105');
  const unlocked: string[] = [];
  let newProfile = 0;
  render(
    <StartLock
      device={device}
      profiles={await listProfiles(db)}
      onUnlock={async (id, pin) => {
        unlocked.push((await unlockProfile(db, id, pin)).name);
      }}
      onNew={() => newProfile++}
    />,
  );
  return { unlocked, newProfiles: () => newProfile };
}

const typePin = (value: string) =>
  fireEvent.input(screen.getByLabelText('PIN'), { target: { value } });

describe('StartLock: the PIN screen of a cold start', () => {
  it('names the school and the tablet, and lists who can unlock it by name', async () => {
    await drawLock();
    expect(screen.getByRole('heading', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText('Gracefield School · Year 4 trip tablet')).toBeTruthy();
    const options = [...screen.getByLabelText<HTMLSelectElement>('Who are you?').options];
    expect(options.map((o) => o.text)).toEqual(['Alex Assistant', 'Sam Teacher']);
    expect(screen.getByRole('link', { name: 'Rules' }).getAttribute('href')).toBe('/rules');
    expect(screen.getByRole('button', { name: 'Unlock' }).hasAttribute('disabled')).toBe(true);
  });

  it('refuses a wrong PIN with the count, clears the PIN, and opens with the right one', async () => {
    const { unlocked } = await drawLock();
    fireEvent.change(screen.getByLabelText('Who are you?'), {
      target: { value: (await listProfiles(db)).find((p) => p.name === 'Sam Teacher')!.id },
    });
    typePin('000000');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByText(/That PIN is not right \(1 wrong try\)/, {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('PIN').value).toBe('');
    expect(screen.getByLabelText('PIN').getAttribute('aria-invalid')).toBe('true');
    expect(unlocked).toEqual([]);

    typePin('482916');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(unlocked).toEqual(['Sam Teacher']), { timeout: 10_000 });
    const sam = (await listProfiles(db)).find((p) => p.name === 'Sam Teacher')!;
    expect(sam.failedAttempts).toBe(0);
  });

  it('offers a new profile to someone not listed', async () => {
    const { newProfiles } = await drawLock();
    fireEvent.click(screen.getByRole('button', { name: 'I am not listed' }));
    expect(newProfiles()).toBe(1);
  });
});
