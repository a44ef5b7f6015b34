/**
 * The broadcast channel on which an upload run (in the worker or a page) reports its result,
 * so every open page refreshes its "sent and waiting" panel. Kept apart from the engine so
 * listening costs a page nothing.
 */
import type { SyncReport } from './engine.ts';

export const UPLOAD_CHANNEL = 'safetrail-upload';

export interface UploadMessage {
  type: 'upload-finished';
  report: SyncReport;
  at: number;
}

export function announceUpload(report: SyncReport): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(UPLOAD_CHANNEL);
  channel.postMessage({ type: 'upload-finished', report, at: Date.now() } satisfies UploadMessage);
  channel.close();
}
