/**
 * Asks the controlling service worker to upload now, and registers a Background Sync so
 * Chromium retries even if the page closes. Returns false when no worker controls the page
 * (first visit, private mode, tests), so the caller can upload from the page instead.
 */
export const OUTBOX_SYNC_TAG = 'safetrail-outbox';

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
