/**
 * What this device reports to the endpoint about its outbox (counts and a time, never
 * content), so the office can see which tablets still hold undelivered records.
 */
import type { SafetrailDb } from './db.ts';
import { guardRead } from './errors.ts';

export interface OutboxStatus {
  queued: number;
  oldestQueuedAt: string | null;
}

export async function outboxStatus(db: SafetrailDb): Promise<OutboxStatus> {
  const waiting = await guardRead(() =>
    db.outbox.where('state').anyOf('sealed', 'uploading').toArray(),
  );
  const oldest = waiting.reduce<string | null>(
    (min, r) => (min === null || r.createdAt < min ? r.createdAt : min),
    null,
  );
  return { queued: waiting.length, oldestQueuedAt: oldest };
}
