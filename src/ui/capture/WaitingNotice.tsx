import { useCallback, useEffect, useState } from 'preact/hooks';
import { outboxSummary, waitingSince } from '../../storage/outbox-repo.ts';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { useUploadScheduler } from '../sync/UploadContext.tsx';
import { useCapturePolicy } from './categories-context.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * How long records have waited on this tablet to be sent, and a warning once the oldest
 * has waited longer than the policy's limit (24 hours by default): a tablet that never
 * reaches the school network is a safeguarding risk of its own.
 */
export function WaitingNotice() {
  const { db } = useSession();
  const scheduler = useUploadScheduler();
  const hours = useCapturePolicy()?.unsentWarningHours ?? 24;
  const [waiting, setWaiting] = useState<{ count: number; since: string } | null>(null);

  const refresh = useCallback(async () => {
    const since = await waitingSince(db);
    setWaiting(since ? { count: (await outboxSummary(db)).queued, since } : null);
  }, [db]);
  useEffect(() => {
    // A count that cannot be read is simply not shown; SentPanel reports the outbox too.
    const update = () => void refresh().catch(() => {});
    update();
    return scheduler?.onReport(update);
  }, [refresh, scheduler]);

  if (!waiting) return null;
  const records = `${waiting.count} ${waiting.count === 1 ? 'record' : 'records'}`;
  if (Date.now() - Date.parse(waiting.since) > hours * 3_600_000) {
    return (
      <Notice tone="warn" title={`Not sent for more than ${hours} hours`}>
        {records} on this tablet {waiting.count === 1 ? 'has' : 'have'} been waiting to send since{' '}
        {when(waiting.since)}. They are safe here, sealed, but the safeguarding leads cannot read
        them yet. Connect this tablet to the school Wi-Fi (or any network) and press Sync now, or
        tell your DSL.
      </Notice>
    );
  }
  return (
    <p class="muted" data-testid="waiting-since">
      {records} waiting to send since {when(waiting.since)}.
    </p>
  );
}
