import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { listProfiles } from '../../storage/profile-repo.ts';
import type { StaffProfileRecord } from '../../storage/records.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { createProfile, pinProblem, ProfileWipedError, unlockProfile } from './staff-profiles.ts';

/** Shows its children only to an unlocked member of staff; otherwise the PIN screen. */
export function StaffGate({ children }: { children: ComponentChildren }) {
  const session = useSession();
  const [profiles, setProfiles] = useState<StaffProfileRecord[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [wiped, setWiped] = useState('');
  useEffect(() => {
    if (!session.staff) void listProfiles(session.db).then(setProfiles);
  }, [session.db, session.staff]);

  if (session.staff) return <>{children}</>;
  if (!profiles) return <p role="status">Loading…</p>;
  if (creating || profiles.length === 0) {
    return (
      <CreateProfile
        notice={wiped}
        onCancel={profiles.length ? () => setCreating(false) : undefined}
      />
    );
  }
  return (
    <UnlockProfile
      profiles={profiles}
      onNew={() => setCreating(true)}
      onWiped={(message) => {
        setWiped(message);
        void listProfiles(session.db).then(setProfiles);
      }}
    />
  );
}

function CreateProfile({
  onCancel,
  notice,
}: {
  onCancel?: (() => void) | undefined;
  notice?: string;
}) {
  const session = useSession();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Enter your name as colleagues know it.';
    const problem = pinProblem(pin);
    if (problem) next.pin = problem;
    if (confirm !== pin) next.confirm = 'The two PINs are different.';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      session.setStaff(await createProfile(session.db, name, pin));
    } catch (err) {
      setFailure(plainError(err));
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Your profile on this tablet</h1>
      <p>
        Your drafts are encrypted with your own PIN. Colleagues sharing this tablet cannot open
        them, and neither can anyone who finds it.
      </p>
      {failure && <Notice tone="bad">{failure}</Notice>}
      <form class="card" onSubmit={submit} noValidate>
        <Field
          label="Your name"
          value={name}
          onInput={setName}
          error={errors.name}
          autoComplete="name"
        />
        <Field
          label="Choose a PIN"
          hint="At least 6 digits. Do not share it."
          type="password"
          inputMode="numeric"
          value={pin}
          onInput={setPin}
          error={errors.pin}
          autoComplete="new-password"
        />
        <Field
          label="PIN again"
          type="password"
          inputMode="numeric"
          value={confirm}
          onInput={setConfirm}
          error={errors.confirm}
          autoComplete="new-password"
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Securing…' : 'Create my profile'}
          </button>
          {onCancel && (
            <button type="button" class="secondary" onClick={onCancel}>
              Back
            </button>
          )}
        </div>
      </form>
    </>
  );
}

function UnlockProfile({
  profiles,
  onNew,
  onWiped,
}: {
  profiles: StaffProfileRecord[];
  onNew: () => void;
  onWiped: (message: string) => void;
}) {
  const session = useSession();
  const [profileId, setProfileId] = useState(profiles[0]!.id);
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      session.setStaff(await unlockProfile(session.db, profileId, pin));
    } catch (err) {
      if (err instanceof ProfileWipedError) onWiped(err.message);
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
