/**
 * Decides when this device tries to upload: at start-up, when the network returns, when
 * the tab becomes visible, on a timer (backoff with jitter while uploads fail, a slow
 * heartbeat otherwise, and soon again in full while a returning network settles:
 * next-attempt.ts) and when someone presses "Sync now". Safari and Firefox have no
 * Background Sync, so these page-side triggers are what makes them deliver. The worker
 * does the upload when it controls the page; otherwise the page runs the same engine.
 */
import { askWorkerToUpload } from '../../platform/worker-upload.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import type { SyncReport } from '../../sync/engine.ts';
import { announceUpload, UPLOAD_CHANNEL, type UploadMessage } from '../../sync/upload-channel.ts';
import { HEARTBEAT_MS, nextAttempt } from './next-attempt.ts';

export interface UploadScheduler {
  trigger: (reason: string) => void;
  onReport: (listener: (report: SyncReport) => void) => () => void;
  stop: () => void;
}

export function startUploadScheduler(db: SafetrailDb): UploadScheduler {
  const listeners = new Set<(r: SyncReport) => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let onlineAt = Number.NEGATIVE_INFINITY;
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(UPLOAD_CHANNEL);

  const schedule = (report: SyncReport | null) => {
    if (timer) clearTimeout(timer);
    const next = nextAttempt(failures, Boolean(report?.error), Date.now() - onlineAt);
    failures = next.failures;
    const reason = next.force ? 'reconnecting' : 'timer';
    timer = setTimeout(() => ((timer = null), trigger(reason)), next.delay);
  };
  const deliver = (report: SyncReport) => {
    schedule(report);
    listeners.forEach((l) => l(report));
  };
  channel?.addEventListener('message', (e: MessageEvent<UploadMessage>) => {
    if (e.data?.type === 'upload-finished') deliver(e.data.report);
  });

  const trigger = (reason: string) => {
    // Only the timer respects each record's backoff; every other trigger is a moment when
    // a person (or the returning network) expects an attempt now.
    const force = reason !== 'timer';
    // A worker that dies mid-run never reports back: keep a heartbeat armed regardless.
    if (!timer) timer = setTimeout(() => ((timer = null), trigger('timer')), HEARTBEAT_MS);
    void (async () => {
      if (await askWorkerToUpload(force)) return; // the worker broadcasts its report
      const report = await import('./page-upload.ts')
        .then((m) => m.uploadInPage(db, force))
        .catch(() => null);
      if (report) {
        announceUpload(report);
        if (!channel) deliver(report);
      }
    })();
  };

  const onOnline = () => {
    // A fresh connection: its first failures are retried from the shortest step.
    onlineAt = Date.now();
    failures = 0;
    trigger('online');
  };
  const onVisible = () => document.visibilityState === 'visible' && trigger('visible');
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  trigger('start');

  return {
    trigger,
    onReport: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      channel?.close();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
