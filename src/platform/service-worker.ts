/**
 * The one module that talks to navigator.serviceWorker: registration, the "new version
 * ready" prompt (updates never apply themselves: a teacher mid-record must not lose the
 * page), asking the worker to upload, and Background Sync where the browser has it.
 * To retire the worker, ship a sw.js that calls self.registration.unregister() (see README).
 */
import { Workbox } from 'workbox-window';

export const OUTBOX_SYNC_TAG = 'safetrail-outbox';

let workbox: Workbox | null = null;
let updateWaiting = false;
const listeners = new Set<(waiting: boolean) => void>();

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    listeners.forEach((l) => l(true));
  });
  void workbox.register();
}

export function onUpdateWaiting(listener: (waiting: boolean) => void): () => void {
  listeners.add(listener);
  listener(updateWaiting);
  return () => void listeners.delete(listener);
}

export function applyUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}

/**
 * Asks the controlling worker to upload now, and registers a Background Sync so Chromium
 * retries even if the page closes. Returns false when no worker controls the page (first
 * visit, private mode, tests), so the caller can upload from the page instead.
 */
export async function askWorkerToUpload(force: boolean): Promise<boolean> {
  const controller = navigator.serviceWorker?.controller;
  if (!controller) return false;
  controller.postMessage({ type: 'UPLOAD', force });
  try {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: { register(tag: string): Promise<void> };
    };
    await registration.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Background Sync is a bonus (Chromium only); the page-side triggers still run.
  }
  return true;
}

/** Asks the browser not to evict our storage under pressure (drafts live there). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
