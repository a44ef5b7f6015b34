import { useCallback, useEffect, useState } from 'preact/hooks';
import { concatBytes, fromBase64Url } from '../../crypto/bytes.ts';
import { sha256B64 } from '../../crypto/hash.ts';
import { illegalSuspected } from '../../domain/illegal-content.ts';
import { createApiClient } from '../../sync/api-client.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import {
  openInbox,
  pullNew,
  type OpenedIncident,
  type ReceivedPhoto,
  type UnopenedItem,
} from './inbox.ts';
import { RecordFields } from './RecordFields.tsx';

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
          <IncidentRecord key={item.id} item={item} />
        ) : item.waiting ? (
          <Notice key={item.id}>{item.problem}</Notice>
        ) : (
          <Notice key={item.id} tone="bad" title={`Record ${item.id} could not be opened`}>
            {item.problem}
          </Notice>
        ),
      )}
    </section>
  );
}

/** Everything the teacher recorded, as text: nothing in it is a link or is fetched. */
function IncidentRecord({ item }: { item: OpenedIncident }) {
  const f = item.fields;
  const illegal = illegalSuspected(f);
  return (
    <article class="card incident" aria-labelledby={`inc-${item.id}`}>
      <h3 id={`inc-${item.id}`}>
        {item.reference} · {f.where}
      </h3>
      <p>
        <span class="status-pill warn">{f.marking}</span>{' '}
        <span class="status-pill ok">✓ Signature and seal verified</span>{' '}
        <span class="muted">
          from {item.deviceName}, received {time(item.receivedAt)}
        </span>
      </p>
      {illegal && (
        <Notice tone="bad" title="Marked as possibly involving illegal material">
          No images are held for it. The device’s custody is recorded below; the police review the
          material.
          {item.withheld > 0 &&
            ` ${item.withheld} image ${item.withheld === 1 ? 'part was' : 'parts were'} received for it anyway and ${item.withheld === 1 ? 'has' : 'have'} not been shown.`}
        </Notice>
      )}
      <RecordFields fields={f} recordedBy={item.recordedBy} recordedAt={item.recordedAt} />
      {!illegal && item.photos.length > 0 && (
        <Photos reference={item.reference} photos={item.photos} />
      )}
    </article>
  );
}

type PhotoView = { url: string } | { problem: string };

/**
 * Reassembles each photo from its parts in memory, checks its digest, and shows it through
 * an object URL that is revoked when this record leaves the screen (including on lock).
 */
function Photos({ reference, photos }: { reference: string; photos: ReceivedPhoto[] }) {
  const [views, setViews] = useState<Record<string, PhotoView>>({});
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    const show = (id: string, view: PhotoView) => live && setViews((v) => ({ ...v, [id]: view }));
    for (const p of photos) {
      const missing = p.parts.filter((x) => x === undefined).length;
      if (missing) {
        show(p.ref.id, {
          problem: `Still arriving: ${p.parts.length - missing} of ${p.parts.length} parts received.`,
        });
        continue;
      }
      void (async () => {
        const bytes = concatBytes(...p.parts.map((x) => fromBase64Url(x!)));
        if (bytes.length !== p.ref.bytes || (await sha256B64(bytes)) !== p.ref.sha256) {
          return show(p.ref.id, { problem: 'This photo does not match its record: not shown.' });
        }
        if (!live) return;
        const url = URL.createObjectURL(new Blob([bytes], { type: p.ref.mediaType }));
        made.push(url);
        show(p.ref.id, { url });
      })();
    }
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [photos]);
  return (
    <>
      <h4>Photos and screenshots</h4>
      <ul class="thumbs">
        {photos.map((p, i) => {
          const view = views[p.ref.id];
          return (
            <li key={p.ref.id}>
              {view && 'url' in view ? (
                <img src={view.url} alt={`Photo ${i + 1} for ${reference}`} />
              ) : (
                <span class="muted">{view?.problem ?? `Opening photo ${i + 1}…`}</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
