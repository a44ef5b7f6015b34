/**
 * The PIN screen's form: who are you, PIN, Unlock, "I am not listed". Shared by the capture
 * screen's gate (StaffGate.tsx) and the cold-start lock screen (src/ui/start/StartLock.tsx),
 * which draws it before the rest of the app has loaded; what unlocking does is the caller's.
 */
import { useState } from 'preact/hooks';
import type { StaffProfileRecord } from '../../storage/records.ts';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';

export function UnlockForm({
  profiles,
  onUnlock,
  onNew,
  notice,
}: {
  profiles: Pick<StaffProfileRecord, 'id' | 'name'>[];
  /** Rejects with the sentence to show (a wrong PIN, a locked-out profile). */
  onUnlock: (profileId: string, pin: string) => Promise<void>;
  onNew: () => void;
  /** Shown under the PIN field at first (why the last attempt elsewhere failed). */
  notice?: string | undefined;
}) {
  const [profileId, setProfileId] = useState(profiles[0]!.id);
  const [pin, setPin] = useState('');
  const [error, setError] = useState(notice ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onUnlock(profileId, pin);
    } catch (err) {
      setError(plainError(err));
      setPin('');
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Unlock</h1>
      <form class="card" onSubmit={submit} noValidate>
        <div class="field">
          <label for="profile">Who are you?</label>
          <select
            id="profile"
            value={profileId}
            onChange={(e) => setProfileId(e.currentTarget.value)}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="PIN"
          type="password"
          inputMode="numeric"
          value={pin}
          onInput={setPin}
          error={error || undefined}
          autoComplete="current-password"
        />
        <div class="actions">
          <button type="submit" disabled={busy || !pin}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" class="secondary" onClick={onNew}>
            I am not listed
          </button>
        </div>
      </form>
    </>
  );
}
