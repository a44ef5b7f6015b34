import { Link } from './Link.tsx';
import type { ComponentChildren } from 'preact';
import { useSession } from '../app/session.tsx';
import { usePolicy } from '../app/policy.tsx';
import { useAutoLock } from '../app/use-auto-lock.ts';
import { AppFrame, type FrameLink } from './AppFrame.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

const routerLink: FrameLink = (to, className, text) => (
  <Link className={className} to={to}>
    {text}
  </Link>
);

/** The app's page frame (AppFrame.tsx), with the lock button while someone is unlocked. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { device, staff, dsl, lock } = useSession();
  const unlocked = Boolean(staff || dsl);
  const { settings } = usePolicy();
  useAutoLock(unlocked, lock, settings.idleLockMinutes * 60_000, settings.hiddenLockSeconds * 1000);
  return (
    <AppFrame
      device={device}
      who={staff?.name ?? dsl?.name}
      onLock={unlocked ? () => void lock() : undefined}
      link={routerLink}
      beforeMain={<UpdatePrompt />}
    >
      {children}
    </AppFrame>
  );
}
