/**
 * Photos and screenshots for an incident: taken with the camera or chosen from the
 * tablet's files, shrunk and encrypted before anything is stored, shown as thumbnails
 * decrypted in memory. Never rendered for an incident that may involve illegal material
 * (EvidenceSection shows a notice instead), and storePhoto refuses such an incident anyway.
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, type PhotoRef } from '../../domain/evidence.ts';
import { assertMayAttachPhoto } from '../../domain/illegal-content.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { useCapturePolicy } from './categories-context.tsx';
import type { FormApi } from './form-api.ts';
import type { OpenDraft } from './drafts.ts';
import { deletePhoto, loadPhoto, storePhoto } from './photos.ts';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

/**
 * Object URLs for the draft's photos ('failed' for one that cannot be opened), decrypted in
 * memory and revoked when the list changes or the screen goes (unmount, which locking causes).
 */
function usePhotoUrls(
  db: SafetrailDb,
  draft: OpenDraft,
  photos: PhotoRef[],
): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const key = photos.map((p) => p.id).join(',');
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void Promise.all(
      photos.map(async (p) => {
        try {
          const bytes = await loadPhoto(db, draft, p);
          if (!live) return;
          const url = URL.createObjectURL(new Blob([bytes], { type: p.mediaType }));
          made.push(url);
          setUrls((u) => ({ ...u, [p.id]: url }));
        } catch {
          if (live) setUrls((u) => ({ ...u, [p.id]: 'failed' }));
        }
      }),
    );
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
      setUrls({});
    };
  }, [db, draft, key]);
  return urls;
}

export function PhotoEvidence({ api }: { api: FormApi }) {
  const { db } = useSession();
  const policy = useCapturePolicy();
  const maxBytes = policy?.maxPhotoBytes ?? MAX_PHOTO_BYTES;
  const photos = api.fields.evidence.photos;
  const urls = usePhotoUrls(db, api.draft, photos);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const withPhotos = (list: PhotoRef[]) => {
    const f = api.latest();
    return { ...f, evidence: { ...f.evidence, photos: list } };
  };

  const add = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setProblem('');
    try {
      assertMayAttachPhoto(api.latest());
      const { preparePhoto } = await import('./photo-process.ts');
      const image = await preparePhoto(file, maxBytes);
      const ref = await storePhoto(db, api.draft, api.latest, image);
      try {
        assertMayAttachPhoto(api.latest()); // the last moment before it joins the record
        await api.commit(withPhotos([...api.latest().evidence.photos, ref]));
      } catch (e) {
        await deletePhoto(db, ref);
        throw e;
      }
    } catch (e) {
      setProblem(plainError(e, 'The photo could not be added. Nothing else was changed.'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (ref: PhotoRef, n: number) => {
    if (!window.confirm(`Remove photo ${n}? It will be deleted from this tablet.`)) return;
    try {
      await api.commit(withPhotos(api.latest().evidence.photos.filter((p) => p.id !== ref.id)));
      await deletePhoto(db, ref);
    } catch (e) {
      setProblem(plainError(e));
    }
  };

  const full = photos.length >= MAX_PHOTOS;
  const picker = (label: string, camera: boolean) => (
    <label class={`button secondary file-pick${busy || full ? ' disabled' : ''}`}>
      {label}
      <input
        type="file"
        accept="image/*"
        capture={camera ? 'environment' : undefined}
        class="visually-hidden"
        disabled={busy || full}
        onChange={(e) => void add(e.currentTarget)}
      />
    </label>
  );

  return (
    <div class="photos">
      <p class="hint">
        Shrunk and encrypted on this tablet; only the safeguarding leads can open them. Up to{' '}
        {size(maxBytes)} each, {MAX_PHOTOS} in all.
      </p>
      {photos.length > 0 && (
        <ul class="thumbs">
          {photos.map((p, i) => (
            <li key={p.id}>
              {urls[p.id] === 'failed' ? (
                <span class="error">Photo {i + 1} could not be opened.</span>
              ) : urls[p.id] ? (
                <img src={urls[p.id]} alt={`Photo ${i + 1} (${size(p.bytes)})`} />
              ) : (
                <span class="muted">Decrypting photo {i + 1}…</span>
              )}
              <button type="button" class="secondary" onClick={() => void remove(p, i + 1)}>
                Remove photo {i + 1}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {picker('Take a photo', true)}
        {picker('Choose a photo or screenshot', false)}
      </div>
      {busy && <p role="status">Shrinking and encrypting the photo…</p>}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * Photos on an incident that is now marked as possibly illegal (only reachable with a
 * record from elsewhere: the form deletes them when the mark is set). Never shown; removable.
 */
export function HiddenPhotos({ api }: { api: FormApi }) {
  const { db } = useSession();
  const photos = api.fields.evidence.photos;
  const removeAll = async () => {
    const f = api.latest();
    await api.commit({ ...f, evidence: { ...f.evidence, photos: [] } });
    for (const p of photos) await deletePhoto(db, p);
  };
  return (
    <p class="error" role="alert">
      {photos.length} attached {photos.length === 1 ? 'photo is' : 'photos are'} hidden and must be
      deleted before this can be submitted.{' '}
      <button type="button" class="danger" onClick={() => void removeAll()}>
        Delete the attached photos
      </button>
    </p>
  );
}
