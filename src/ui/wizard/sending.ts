/**
 * How the wizard's events leave this console: each is sealed at once (in the order made, one
 * at a time, so sequence numbers follow the DSL's own order) and queued in the outbox, the
 * same engine a tablet uses. Offline they wait there; whenever the page is online a send
 * runs (one at a time), followed by a pull so this console's own copy of the log includes
 * what it just sent. A DSL console has no upload scheduler of its own, hence this module.
 */
import type { EventKind } from '../../domain/events.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import type { SyncReport } from '../../sync/engine.ts';
import { pullNew } from '../console/inbox.ts';
import { sealEvent } from '../sync/seal-event.ts';

let sealing: Promise<unknown> = Promise.resolve();

/** Seals and queues one event after any still being sealed; resolves with its id. */
export function sealInOrder(db: SafetrailDb, kind: EventKind, payload: unknown): Promise<string> {
  const next = sealing.then(() => sealEvent(db, kind, payload));
  sealing = next.catch(() => undefined);
  return next;
}

let running: Promise<SyncReport | null> | null = null;
let again = false;

/**
 * Uploads the outbox now (then pulls), or, if a send is already running, once more after
 * it. Never throws: the result says what happened (null when this browser is not enrolled).
 */
export function sendNow(db: SafetrailDb, api: ApiClient): Promise<SyncReport | null> {
  if (running) {
    again = true;
    return running;
  }
  const run = async (): Promise<SyncReport | null> => {
    let report: SyncReport | null = null;
    do {
      again = false;
      try {
        const { uploadInPage } = await import('../sync/page-upload.ts');
        report = await uploadInPage(db, true);
        if (report && !report.error) await pullNew(db, api);
      } catch (e) {
        report = {
          delivered: 0,
          quarantined: 0,
          rejected: 0,
          retried: 0,
          remaining: -1,
          error: e instanceof Error ? e.message : 'The upload failed.',
        };
      }
    } while (again && navigator.onLine);
    return report;
  };
  running = run().finally(() => (running = null));
  return running;
}
