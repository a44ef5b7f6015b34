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
  workbox.addEventListener('waiting', () =>
    announceUpdateWaiting(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
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
