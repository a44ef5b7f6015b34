import { useCallback, useEffect, useState } from 'preact/hooks';
import { createApiClient } from '../../sync/api-client.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { openInbox, pullNew, type OpenedIncident, type UnopenedItem } from './inbox.ts';

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** New records from the school's devices, fetched sealed and opened only here. */
export function IncidentInbox() {
  const session = useSession();
  const device = session.device!;
  const keys = session.dsl!.keys;
  const [items, setItems] = useState<(OpenedIncident | UnopenedItem)[] | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const check = useCallback(async () => {
    setBusy(true);
    setFailure('');
    try {
      const api = createApiClient({
        endpoint: device.endpoint,
        device: { deviceId: device.deviceId, signingKey: device.signingKey },
      });
      const added = await pullNew(session.db, api);
      const { devices } = await api.listDevices();
      setItems(await openInbox(session.db, keys, devices));
      setMessage(
        added ? `${added} new ${added === 1 ? 'record' : 'records'} received.` : 'No new records.',
      );
    } catch (e) {
      setFailure(plainError(e));
    } finally {
      setBusy(false);
    }
  }, [device, keys, session.db]);

  useEffect(() => void check(), [check]);

  return (
    <section class="card" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Incidents</h2>
      <div class="actions">
        <button type="button" onClick={() => void check()} disabled={busy}>
          {busy ? 'Checking…' : 'Check for new incidents'}
        </button>
      </div>
      <p role="status">{message}</p>
      {failure && <Notice tone="bad">{failure}</Notice>}
      {items?.length === 0 && <p>No incidents have been delivered yet.</p>}
      {items?.map((item) =>
        item.ok ? (
          <article key={item.id} class="card incident" aria-labelledby={`inc-${item.id}`}>
            <h3 id={`inc-${item.id}`}>
              {item.reference} · {item.fields.where}
            </h3>
            <p>
              <span class="status-pill ok">✓ Signature and seal verified</span>{' '}
              <span class="muted">
                from {item.deviceName}, received {time(item.receivedAt)}
              </span>
            </p>
            <dl>
              <dt>What happened</dt>
              <dd>{item.fields.what}</dd>
              <dt>When</dt>
              <dd>{item.fields.when.replace('T', ' ')}</dd>
              <dt>Where</dt>
              <dd>{item.fields.where}</dd>
              <dt>Reported by</dt>
              <dd>{item.fields.reportedBy}</dd>
              <dt>Recorded by</dt>
              <dd>
                {item.recordedBy}, {time(item.recordedAt)}
              </dd>
            </dl>
          </article>
        ) : (
          <Notice key={item.id} tone="bad" title={`Record ${item.id} could not be opened`}>
            {item.problem}
          </Notice>
        ),
      )}
    </section>
  );
}
