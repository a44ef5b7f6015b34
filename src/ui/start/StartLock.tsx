/**
 * The PIN screen of a locked tablet's cold start, drawn by the entry script before the rest
 * of the app (the router, the database library, the screens) has loaded; those load while
 * the teacher types. It is the frame and form the app itself draws (AppFrame, UnlockForm),
 * with plain links, since the router is not there yet (following one starts that screen).
 */
import type { StartSummary } from '../../storage/start-summary.ts';
import { UnlockForm } from '../capture/UnlockForm.tsx';
import { AppFrame, type FrameLink } from '../components/AppFrame.tsx';

const plainLink: FrameLink = (to, className, text) => (
  <a class={className} href={to}>
    {text}
  </a>
);

export function StartLock({
  device,
  profiles,
  onUnlock,
  onNew,
}: {
  device: NonNullable<StartSummary['device']>;
  profiles: StartSummary['profiles'];
  onUnlock: (profileId: string, pin: string) => Promise<void>;
  onNew: () => void;
}) {
  return (
    <AppFrame device={device} link={plainLink}>
      <UnlockForm profiles={profiles} onUnlock={onUnlock} onNew={onNew} />
    </AppFrame>
  );
}
