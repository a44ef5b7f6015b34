/**
 * Trip mode: a member of staff loads the pupils going on a trip (typed, or from the
 * school's CSV export) so they can be picked in a second when something happens. Each
 * roster is encrypted under that person's key and deleted automatically a set number of
 * days after the trip. Loaded on demand, after the capture home screen is drawn.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { localDate } from '../../domain/datetime.ts';
import { rosterPurgeAt, validateRoster, type Roster } from '../../domain/roster.ts';
import { DEFAULT_ROSTER_RETENTION_DAYS } from '../../domain/categories.ts';
import { parseRosterText } from '../../domain/roster-text.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { useCapturePolicy } from './categories-context.tsx';
import { DateField } from './controls-more.tsx';
import { deleteRoster } from '../../storage/roster-repo.ts';
import { loadRosters, saveRoster } from './rosters.ts';

const day = (d: string | number) =>
  new Date(typeof d === 'number' ? d : `${d}T00:00`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
  });

export function TripRosters() {
  const session = useSession();
  const staff = session.staff!;
  const days = useCapturePolicy()?.rosterRetentionDays ?? DEFAULT_ROSTER_RETENTION_DAYS;
  const [rosters, setRosters] = useState<Roster[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState('');

  const reload = useCallback(
    () => loadRosters(session.db, staff, days).then(setRosters),
    [session.db, staff, days],
  );
  useEffect(() => void reload().catch((e: unknown) => setFailure(plainError(e))), [reload]);

  const remove = async (r: Roster) => {
    if (!window.confirm(`Delete the roster for ${r.tripName}? It cannot be recovered.`)) return;
    try {
      await deleteRoster(session.db, r.id);
      await reload();
    } catch (e) {
      setFailure(plainError(e));
    }
  };

  return (
    <section class="card" aria-labelledby="trips-title">
      <h2 id="trips-title">Trip rosters</h2>
      <p class="hint">
        Going on a trip? Load the pupils’ names (or initials) and year groups beforehand, to pick
        them quickly. A roster is encrypted under your PIN and deleted automatically {days} days
        after the trip.
      </p>
      {failure && <Notice tone="bad">{failure}</Notice>}
      {rosters && rosters.length > 0 && (
        <ul class="list" aria-label="Loaded trip rosters">
          {rosters.map((r) => (
            <li key={r.id}>
              <span>
                <strong>{r.tripName}</strong> · {day(r.startsOn)}
                {r.endsOn !== r.startsOn ? `–${day(r.endsOn)}` : ''} · {r.pupils.length}{' '}
                {r.pupils.length === 1 ? 'pupil' : 'pupils'}{' '}
                <span class="muted">
                  · deleted automatically on {day(rosterPurgeAt(r.endsOn, days))}
                </span>
              </span>
              <button
                type="button"
                class="secondary"
                aria-label={`Delete the roster for ${r.tripName}`}
                onClick={() => void remove(r)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <RosterForm
          onDone={(saved) => {
            setAdding(false);
            if (saved) void reload();
          }}
        />
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setAdding(true)}>
            Load a trip roster
          </button>
        </div>
      )}
    </section>
  );
}

function RosterForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const session = useSession();
  const today = localDate();
  const [tripName, setTripName] = useState('');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(today);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const parsed = parseRosterText(text);

  const loadFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 1024 * 1024) {
      setFailure('That file is larger than 1 MB: it is not a class list. Choose the CSV export.');
      return;
    }
    const content = await file.text();
    setText((t) => (t.trim() ? `${t.trimEnd()}\n${content}` : content));
    setErrors((e) => ({ ...e, pupils: '' }));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const draft = { tripName, startsOn, endsOn, pupils: parsed.pupils };
    const found = validateRoster(draft, new Date());
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await saveRoster(session.db, session.staff!, draft);
      onDone(true);
    } catch (err) {
      setFailure(plainError(err));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate aria-label="New trip roster">
      {failure && <Notice tone="bad">{failure}</Notice>}
      <Field
        label="Trip or visit name"
        value={tripName}
        onInput={setTripName}
        error={errors.tripName}
      />
      <DateField label="First day" value={startsOn} onInput={setStartsOn} error={errors.startsOn} />
      <DateField label="Last day" value={endsOn} onInput={setEndsOn} error={errors.endsOn} />
      <Field
        label="Pupils"
        hint="One per line: name or initials, then year group. For example “Jo B, Year 5”."
        multiline
        value={text}
        onInput={setText}
        error={errors.pupils || undefined}
      />
      <div class="actions">
        <label class="button secondary file-pick">
          Load a CSV file
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            class="visually-hidden"
            onChange={(e) => void loadFile(e.currentTarget)}
          />
        </label>
      </div>
      <p role="status" class="muted">
        {parsed.pupils.length} {parsed.pupils.length === 1 ? 'pupil' : 'pupils'} read.
      </p>
      {parsed.problems.length > 0 && (
        <ul class="error">
          {parsed.problems.slice(0, 10).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Encrypting…' : 'Save the roster'}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
