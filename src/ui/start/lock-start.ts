/**
 * Whether this start is a locked tablet's, whose first screen is the PIN screen whatever
 * else happens: an enrolled tablet with staff profiles, opening the capture screen or the
 * start page (which only sends a tablet on to the capture screen). Only such a start is
 * drawn before the app loads (src/ui/main.tsx); anything else (a console, the office, a
 * tablet with no profiles yet, an open draft, another screen) starts the app as usual.
 */
import type { StartSummary } from '../../storage/start-summary.ts';

export const LOCK_START_PATHS = ['/', '/capture'];

export type LockStart = StartSummary & { device: NonNullable<StartSummary['device']> };

export function isLockStart(path: string, summary: StartSummary | null): summary is LockStart {
  return (
    LOCK_START_PATHS.includes(path) &&
    summary?.device?.role === 'tablet' &&
    summary.profiles.length > 0
  );
}
