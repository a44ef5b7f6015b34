import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { listProfiles } from '../../src/storage/profile-repo.ts';
import { SessionProvider, useSession } from '../../src/ui/app/session.tsx';
import { StaffGate } from '../../src/ui/capture/StaffGate.tsx';

let db: SafetrailDb;
beforeEach(() => {
  db = new SafetrailDb(`component-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function Locker() {
  const { lock, staff } = useSession();
  return <button onClick={() => void lock()}>Lock for test ({staff?.name})</button>;
}

function renderGate() {
  return render(
    <SessionProvider db={db}>
      <StaffGate>
        <p>Secret capture screen</p>
        <Locker />
      </StaffGate>
    </SessionProvider>,
  );
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('StaffGate: a member of staff’s own PIN on a shared tablet', () => {
  it('explains each problem in words next to its field and creates nothing', async () => {
    renderGate();
    await screen.findByRole('heading', { name: 'Your profile on this tablet' });
    type('Choose a PIN', '1111');
    type('PIN again', '1112');
    fireEvent.click(screen.getByRole('button', { name: 'Create my profile' }));
    expect(await screen.findByText('Enter your name as colleagues know it.')).toBeTruthy();
    expect(screen.getByText('Use at least 6 digits.')).toBeTruthy();
    expect(screen.getByText('The two PINs are different.')).toBeTruthy();
    expect(screen.getByLabelText('Choose a PIN').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Secret capture screen')).toBeNull();
    expect(await listProfiles(db)).toHaveLength(0);
  });

  it('refuses a guessable PIN', async () => {
    renderGate();
    await screen.findByRole('heading', { name: 'Your profile on this tablet' });
    type('Your name', 'Sam');
    type('Choose a PIN', '123456');
    type('PIN again', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Create my profile' }));
    expect(await screen.findByText(/Avoid repeated or sequential digits/)).toBeTruthy();
  });

  it('opens after a new profile, locks, refuses a wrong PIN with a count, and opens with the right one', async () => {
    renderGate();
    await screen.findByRole('heading', { name: 'Your profile on this tablet' });
    type('Your name', 'Sam Teacher');
    type('Choose a PIN', '482916');
    type('PIN again', '482916');
    fireEvent.click(screen.getByRole('button', { name: 'Create my profile' }));
    await screen.findByText('Secret capture screen', {}, { timeout: 10_000 });

    fireEvent.click(screen.getByRole('button', { name: /Lock for test/ }));
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(screen.queryByText('Secret capture screen')).toBeNull();

    type('PIN', '000000');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByText(/That PIN is not right \(1 wrong try\)/, {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.queryByText('Secret capture screen')).toBeNull();

    type('PIN', '482916');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Secret capture screen', {}, { timeout: 10_000 });
    await waitFor(async () => expect((await listProfiles(db))[0]?.failedAttempts).toBe(0));
  });
});
