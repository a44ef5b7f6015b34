/**
 * Registers the service worker with workbox-window and reports a waiting update to
 * update-state.ts (updates never apply themselves). Loaded after the first render.
 * To retire the worker, ship a sw.js that calls self.registration.unregister() (README).
 */
import { Workbox } from 'workbox-window';
import { announceUpdateWaiting } from './update-state.ts';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', (event) =>
    announceUpdateWaiting(() => {
      // Reload once the new worker is activated, not as soon as it takes control: a
      // navigation made while it is still activating waits on that version, and if the
      // browser replaces it meanwhile the reload never finishes (seen under DevTools).
      const next = event.sw;
      if (next) {
        next.addEventListener('statechange', () => {
          if (next.state === 'activated' || next.state === 'redundant') window.location.reload();
        });
      } else {
        workbox.addEventListener('controlling', () => window.location.reload());
      }
      workbox.messageSkipWaiting();
    }),
  );
  void workbox.register();
}

/** Asks the browser not to evict our storage under pressure (drafts live there). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
