/**
 * Locks an unlocked session after the idle time (10 minutes by default, the seed policies'
 * figure) or when the app has been hidden for more than a minute, so a tablet left on a
 * coach seat does not stay open.
 */
import { useEffect } from 'preact/hooks';

export const DEFAULT_IDLE_LOCK_MS = 10 * 60_000;
export const HIDDEN_LOCK_MS = 60_000;

export function useAutoLock(
  active: boolean,
  lock: () => Promise<void>,
  idleMs = DEFAULT_IDLE_LOCK_MS,
): void {
  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    let hiddenAt: number | null = null;
    const touch = () => (lastActivity = Date.now());
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt = Date.now();
      else if (hiddenAt !== null && Date.now() - hiddenAt > HIDDEN_LOCK_MS) void lock();
      else hiddenAt = null;
    };
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastActivity > idleMs || (hiddenAt !== null && now - hiddenAt > HIDDEN_LOCK_MS))
        void lock();
    }, 5_000);
    const events = ['pointerdown', 'keydown', 'input', 'scroll'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, touch));
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, lock, idleMs]);
}
