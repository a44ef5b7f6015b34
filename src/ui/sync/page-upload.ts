/**
 * Uploading from the page itself, for when no service worker controls it (first visit,
 * private browsing, a browser without workers). Loaded on demand: normally the worker
 * uploads, so the page does not carry the engine.
 */
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice, replaceRecipientSet } from '../../storage/device-repo.ts';
import { outboxStatus } from '../../storage/outbox-status.ts';
import { createOutboxStore } from '../../storage/outbox-repo.ts';
import { runDeviceUpload } from '../../sync/device-upload.ts';
import type { SyncReport } from '../../sync/engine.ts';

export function uploadInPage(db: SafetrailDb, force: boolean): Promise<SyncReport | null> {
  return runDeviceUpload({
    loadDevice: () => getDevice(db),
    store: createOutboxStore(db),
    saveRecipientSet: (set) => replaceRecipientSet(db, set),
    outboxStatus: () => outboxStatus(db),
    force,
  });
}
