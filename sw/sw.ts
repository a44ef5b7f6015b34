/**
 * The service worker: precaches the app shell so it starts with no network (where the
 * browser has static routes, the built files are served straight from that cache), answers
 * navigations with the shell (a start page's with its PIN screen's summary), and uploads
 * already-sealed envelopes when asked (Background Sync, or a message from the page). It
 * holds no reading key and never sees plaintext. API requests are never cached. A new
 * version waits until the user accepts the update.
 */
import { cacheNames, clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { openDatabaseEarly } from './database.ts';
import { LOCK_START_PATHS } from '../src/ui/start/lock-start.ts';
import { withStartSummary } from './start-page.ts';
import { uploadFromWorker } from './upload.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

export const OUTBOX_SYNC_TAG = 'safetrail-outbox';

/** The Service Worker Static Routing API (Chromium 123+); absent elsewhere. */
interface RoutableInstallEvent extends ExtendableEvent {
  addRoutes?: (
    rules: Array<{ condition: { urlPattern: string }; source: { cacheName: string } }>,
  ) => Promise<void>;
}

self.addEventListener('install', (event) => {
  const install = event as RoutableInstallEvent;
  // The built files under /assets/ have content hashes in their names, so the precache holds
  // exactly what any page of this version asks for. Chromium can then serve them straight
  // from the precache, without waking this worker or running its fetch handler for each:
  // a tablet's cold start loads its scripts and styles one hop sooner. Elsewhere the fetch
  // handler below serves them from the same cache.
  if (!install.addRoutes) return;
  event.waitUntil(
    install
      .addRoutes([
        { condition: { urlPattern: '/assets/*' }, source: { cacheName: cacheNames.precache } },
      ])
      .catch(() => {}),
  );
});

// No directory index: "/" is a navigation like any other page's, answered below (with the
// PIN screen's summary), not the precached index.html as it stands.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '' });
cleanupOutdatedCaches();
const shell = createHandlerBoundToURL('/index.html');
registerRoute(
  new NavigationRoute(
    (options) => {
      // A start page gets the PIN screen's summary written in (start-page.ts); any other
      // page's first screen reads the database itself, which opens meanwhile here.
      if (LOCK_START_PATHS.includes(options.url.pathname)) return withStartSummary(shell(options));
      openDatabaseEarly();
      return shell(options);
    },
    { denylist: [/^\/api\//] },
  ),
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
