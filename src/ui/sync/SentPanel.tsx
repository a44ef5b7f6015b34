import { useCallback, useEffect, useState } from 'preact/hooks';
import { listRecent, outboxSummary } from '../../storage/outbox-repo.ts';
import { useSession } from '../app/session.tsx';
import { useUploadScheduler } from './UploadContext.tsx';

type Recent = Awaited<ReturnType<typeof listRecent>>;
type Summary = Awaited<ReturnType<typeof outboxSummary>>;

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** What this tablet has sealed: waiting to send, or delivered to the safeguarding leads. */
export function SentPanel() {
  const { db } = useSession();
  const scheduler = useUploadScheduler();
  const [recent, setRecent] = useState<Recent>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [lastError, setLastError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);

  const refresh = useCallback(async () => {
    setRecent(await listRecent(db, 20));
    setSummary(await outboxSummary(db));
  }, [db]);

  useEffect(() => {
    void refresh();
    return scheduler?.onReport((report) => {
      setSyncing(false);
      setLastError(report.error);
      void refresh();
    });
  }, [refresh, scheduler]);

  const syncNow = () => {
    setSyncing(true);
    setLastError(null);
    scheduler?.trigger('button');
  };

  return (
    <section class="card" aria-labelledby="sent-title">
      <h2 id="sent-title">Sent and waiting</h2>
      <p role="status" data-testid="outbox-status">
        {summary && summary.queued > 0
          ? `${summary.queued} sealed ${summary.queued === 1 ? 'record is' : 'records are'} queued and will send automatically when this tablet is online.`
          : 'Nothing is waiting to send.'}
        {lastError && summary && summary.queued > 0 ? ` Last try: ${lastError}` : ''}
      </p>
      {recent.length > 0 && (
        <ul class="list">
          {recent.map((item) => (
            <li key={item.id}>
              <span>
                <strong>{item.reference}</strong>{' '}
                <span class="muted">sealed {time(item.createdAt)}</span>
              </span>
              {item.status === 'delivered' && (
                <span class="status-pill ok">
                  ✓ Delivered to the safeguarding leads{' '}
                  {item.deliveredAt ? time(item.deliveredAt) : ''}
                </span>
              )}
              {item.status === 'queued' && (
                <span class="status-pill warn">⏳ Queued: sealed, will send when online</span>
              )}
              {item.status === 'quarantined' && (
                <span class="status-pill bad">
                  ⚠ Held back: the endpoint already has a different record with this id. Kept safely
                  here; tell your DSL.
                </span>
              )}
              {item.status === 'rejected' && (
                <span class="status-pill bad">
                  ⚠ Refused by the endpoint{item.lastError ? `: ${item.lastError}` : ''}. Kept
                  safely here; tell your DSL.
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={syncNow} disabled={syncing || !scheduler}>
          {syncing ? 'Sending…' : 'Sync now'}
        </button>
      </div>
    </section>
  );
}
