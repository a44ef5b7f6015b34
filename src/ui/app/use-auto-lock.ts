/**
 * Locks an unlocked session after the policy's idle time (10 minutes in the seed policies)
 * or when the app has been hidden for longer than the policy allows (a minute by default),
 * so a tablet left on a coach seat does not stay open.
 */
import { useEffect } from 'preact/hooks';

export function useAutoLock(
  active: boolean,
  lock: () => Promise<void>,
  idleMs: number,
  hiddenMs: number,
): void {
  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    let hiddenAt: number | null = null;
    const touch = () => (lastActivity = Date.now());
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt = Date.now();
      else if (hiddenAt !== null && Date.now() - hiddenAt > hiddenMs) void lock();
      else hiddenAt = null;
    };
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastActivity > idleMs || (hiddenAt !== null && now - hiddenAt > hiddenMs))
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
  }, [active, lock, idleMs, hiddenMs]);
}
