/**
 * Uploading from the page itself, for when no service worker controls it (first visit,
 * private browsing, a browser without workers). Loaded on demand: normally the worker
 * uploads, so the page does not carry the engine.
 */
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice, replaceRecipientSet } from '../../storage/device-repo.ts';
import { storageMessage } from '../../storage/errors.ts';
import { outboxStatus } from '../../storage/outbox-status.ts';
import { createOutboxStore } from '../../storage/outbox-repo.ts';
import { runDeviceUpload } from '../../sync/device-upload.ts';
import type { SyncReport } from '../../sync/engine.ts';

const STOPPED =
  'The upload stopped before it finished. Nothing has been lost; it will be tried again.';

/** One run; a run that storage stopped (a full disk, say) is reported with the reason. */
export async function uploadInPage(db: SafetrailDb, force: boolean): Promise<SyncReport | null> {
  const store = createOutboxStore(db);
  try {
    return await runDeviceUpload({
      loadDevice: () => getDevice(db),
      store,
      saveRecipientSet: (set) => replaceRecipientSet(db, set),
      outboxStatus: () => outboxStatus(db),
      force,
    });
  } catch (error) {
    return {
      delivered: 0,
      quarantined: 0,
      rejected: 0,
      retried: 0,
      remaining: await store.countPending().catch(() => 0),
      error: storageMessage(error, STOPPED),
    };
  }
}
