import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { listProfiles } from '../../storage/profile-repo.ts';
import type { StaffProfileRecord } from '../../storage/records.ts';
import { useSession } from '../app/session.tsx';
import { takeStartGate, takeStartProfiles } from '../app/start-reads.ts';
import type { CreateProfileProps } from './CreateProfile.tsx';
import { ProfileWipedError, unlockProfile } from './staff-profiles.ts';
import { UnlockForm } from './UnlockForm.tsx';
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
  // Where the cold-start lock screen handed over (src/ui/start): "I am not listed" was
  // chosen there, or the chosen profile had been wiped.
  const [start] = useState(takeStartGate);
  const [creating, setCreating] = useState(start?.creating ?? false);
  const [wiped, setWiped] = useState(start?.notice ?? '');
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
      notice={start?.notice}
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
  notice,
}: {
  profiles: StaffProfileRecord[];
  onNew: () => void;
  onWiped: (message: string) => void;
  notice?: string | undefined;
}) {
  const session = useSession();
  const unlock = async (profileId: string, pin: string) => {
    try {
      session.setStaff(await unlockProfile(session.db, profileId, pin));
    } catch (err) {
      if (err instanceof ProfileWipedError) onWiped(err.message);
      throw err;
    }
  };
  return <UnlockForm profiles={profiles} onUnlock={unlock} onNew={onNew} notice={notice} />;
}
