import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { listProfiles } from '../../storage/profile-repo.ts';
import type { StaffProfileRecord } from '../../storage/records.ts';
import { useSession } from '../app/session.tsx';
import { takeStartProfiles } from '../app/start-reads.ts';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import type { CreateProfileProps } from './CreateProfile.tsx';
import { ProfileWipedError, unlockProfile } from './staff-profiles.ts';
import { useLazy } from './use-lazy.ts';

const loadCreateProfile = () => import('./CreateProfile.tsx');

/** Creating a profile happens once per person per tablet, so its code loads only then. */
function CreateProfile(props: CreateProfileProps) {
  const form = useLazy(loadCreateProfile);
  return form ? <form.CreateProfile {...props} /> : <p role="status">Loading…</p>;
}

/** Shows its children only to an unlocked member of staff; otherwise the PIN screen. */
export function StaffGate({ children }: { children: ComponentChildren }) {
  const session = useSession();
  const [profiles, setProfiles] = useState<StaffProfileRecord[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [wiped, setWiped] = useState('');
  // Before the first paint (a layout effect), and from the read begun at start-up when this
  // is the first screen: the PIN field is what a teacher waits for on every start.
  useLayoutEffect(() => {
    if (session.staff) return;
    let live = true;
    void (takeStartProfiles(session.db) ?? listProfiles(session.db)).then(
      (list) => live && setProfiles(list),
    );
    return () => void (live = false);
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
