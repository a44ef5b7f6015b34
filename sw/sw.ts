/**
 * The service worker: precaches the app shell so it starts with no network, answers
 * navigations with the shell, and uploads already-sealed envelopes when asked (Background
 * Sync, or a message from the page). It holds no reading key and never sees plaintext.
 * API requests are never cached. A new version waits until the user accepts the update.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { uploadFromWorker } from './upload.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

export const OUTBOX_SYNC_TAG = 'safetrail-outbox';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

// The first install takes control of the open page at once, so reloading offline straight
// after enrollment still finds the shell. Later versions wait for the user (SKIP_WAITING).
clientsClaim();

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; force?: boolean } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'UPLOAD') event.waitUntil(uploadFromWorker(data.force === true));
});

self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  // The browser fires this when it believes the network is back: try everything now.
  if (e.tag === OUTBOX_SYNC_TAG) e.waitUntil(uploadFromWorker(true));
});
