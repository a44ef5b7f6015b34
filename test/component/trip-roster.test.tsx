/**
 * Trip mode: a roster loaded before the trip (typed or from a CSV file), kept encrypted,
 * offered when an incident names people, and gone once its retention has passed. Also the
 * capture routes as the app mounts them: the school's default policy pack supplies the
 * categories, and expired rosters are purged when the screens open.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { encryptRoster } from '../../src/crypto/roster-seal.ts';
import { localDate } from '../../src/domain/datetime.ts';
import type { Roster } from '../../src/domain/roster.ts';
import { putRoster } from '../../src/storage/roster-repo.ts';
import {
  choose,
  errorOf,
  openSection,
  pickFile,
  renderCapture,
  startIncident,
  type,
  useTablet,
  type Tablet,
} from './capture-kit.tsx';

const tablet = useTablet();

async function loadRoster(tripName: string, pupils: string) {
  fireEvent.click(
    await screen.findByRole('button', { name: 'Load a trip roster' }, { timeout: 5_000 }),
  );
  type('Trip or visit name', tripName);
  type('Pupils', pupils);
  fireEvent.click(screen.getByRole('button', { name: 'Save the roster' }));
}

/** A roster stored directly, as if loaded for a trip that ended `daysAgo` days ago. */
async function storeOldRoster(t: Tablet, daysAgo: number) {
  const end = new Date();
  end.setDate(end.getDate() - daysAgo);
  const roster: Roster = {
    id: `R${daysAgo}`,
    tripName: `Trip ended ${daysAgo} days ago`,
    startsOn: localDate(end),
    endsOn: localDate(end),
    pupils: [{ id: 'x1', name: 'Old Pupil', yearGroup: 'Year 3' }],
  };
  await putRoster(t.db, {
    id: roster.id,
    profileId: t.staff.profileId,
    createdAt: new Date().toISOString(),
    endsOn: roster.endsOn,
    data: await encryptRoster(roster.id, t.staff.key, roster),
  });
}

describe('trip rosters', () => {
  it('loads a typed roster, encrypted, and offers its pupils for quick picking', async () => {
    const t = tablet();
    renderCapture(t);
    await loadRoster('Science Museum trip', 'Jo Bloggs, 5\nAmir Khan, Year 5\n"Smith, Ann", Y4\n');
    const list = await screen.findByRole('list', { name: 'Loaded trip rosters' });
    expect(list.textContent).toMatch(/Science Museum trip.*3 pupils.*deleted automatically on/);
    const stored = JSON.stringify(await t.db.rosters.toArray());
    expect(stored).not.toContain('Bloggs');
    expect(stored).not.toContain('Science Museum');

    // A new incident today is on that trip, and its pupils can be picked.
    await startIncident();
    await waitFor(() =>
      expect((screen.getByLabelText('Trip or visit') as HTMLInputElement).value).toBe(
        'Science Museum trip',
      ),
    );
    await openSection(/People involved/);
    const picker = await screen.findByLabelText('Add a pupil from the trip roster');
    const options = within(picker)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual([
      'Choose a pupil…',
      'Jo Bloggs (Year 5)',
      'Amir Khan (Year 5)',
      'Smith, Ann (Year 4)',
    ]);
    const jo = within(picker).getByRole('option', { name: 'Jo Bloggs (Year 5)' });
    choose(picker, (jo as HTMLOptionElement).value);
    const person = await screen.findByRole('group', { name: 'Person 1' });
    expect((within(person).getByLabelText('Name or initials') as HTMLInputElement).value).toBe(
      'Jo Bloggs',
    );
    expect((within(person).getByLabelText('Year group') as HTMLInputElement).value).toBe('Year 5');
    expect((within(person).getByLabelText('Who they are') as HTMLSelectElement).value).toBe(
      'pupil',
    );
    // Picked once: not offered again.
    expect(
      within(screen.getByLabelText('Add a pupil from the trip roster')).queryByRole('option', {
        name: 'Jo Bloggs (Year 5)',
      }),
    ).toBeNull();
  });

  it('reads a roster from a CSV file, header and all, into the box to check', async () => {
    renderCapture(tablet());
    fireEvent.click(
      await screen.findByRole('button', { name: 'Load a trip roster' }, { timeout: 5_000 }),
    );
    const csv = 'Name,Year group\r\n"O\'Neil, Sean",6\r\nPriya S,Year 6\r\n';
    pickFile(
      screen.getByLabelText('Load a CSV file'),
      new File([csv], 'year6.csv', { type: 'text/csv' }),
    );
    await waitFor(() =>
      expect((screen.getByLabelText('Pupils') as HTMLTextAreaElement).value).toBe(csv),
    );
    expect(screen.getByText('2 pupils read.')).toBeTruthy();
  });

  it('explains what is missing and saves nothing', async () => {
    const t = tablet();
    renderCapture(t);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Load a trip roster' }, { timeout: 5_000 }),
    );
    fireEvent.input(screen.getByLabelText('First day'), { target: { value: '2099-06-10' } });
    fireEvent.input(screen.getByLabelText('Last day'), { target: { value: '2099-06-09' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the roster' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Trip or visit name'))).toBe('Name the trip or visit.'),
    );
    expect(errorOf(screen.getByLabelText('Last day'))).toBe(
      'The last day cannot be before the first day.',
    );
    expect(errorOf(screen.getByLabelText('Pupils'))).toBe(
      'Add at least one pupil (name or initials).',
    );
    expect(await t.db.rosters.count()).toBe(0);
  });

  it('never offers a roster past its retention', async () => {
    const t = tablet();
    await storeOldRoster(t, 30);
    await storeOldRoster(t, 2);
    renderCapture(t);
    const list = await screen.findByRole(
      'list',
      { name: 'Loaded trip rosters' },
      { timeout: 5_000 },
    );
    expect(list.textContent).toContain('Trip ended 2 days ago');
    expect(list.textContent).not.toContain('Trip ended 30 days ago');
  });
});
