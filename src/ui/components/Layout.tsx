import { Link } from './Link.tsx';
import type { ComponentChildren } from 'preact';
import { useSession } from '../app/session.tsx';
import { usePolicy } from '../app/policy.tsx';
import { useAutoLock } from '../app/use-auto-lock.ts';
import { UpdatePrompt } from './UpdatePrompt.tsx';

/** Page frame: skip link, header with the always-reachable lock button, main landmark. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { device, staff, dsl, lock } = useSession();
  const unlocked = Boolean(staff || dsl);
  const { settings } = usePolicy();
  useAutoLock(unlocked, lock, settings.idleLockMinutes * 60_000, settings.hiddenLockSeconds * 1000);
  const who = staff?.name ?? dsl?.name;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="app-header">
        <Link className="brand" to="/">
          Safetrail
        </Link>
        <Link className="rules-link" to="/rules">
          Rules
        </Link>
        <Link className="rules-link" to="/procedures">
          Procedures
        </Link>
        {device && (
          <span class="where">
            {device.schoolName} · {device.role === 'dsl' ? 'Safeguarding console' : device.name}
            {who ? ` · ${who}` : ''}
          </span>
        )}
        {unlocked && (
          <button type="button" class="lock" onClick={() => void lock()}>
            Lock (blank screen)
          </button>
        )}
      </header>
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
