import { newDevice } from '../../domain/evidence.ts';
import { ILLEGAL_CONTENT_STEPS, illegalSuspected } from '../../domain/illegal-content.ts';
import type { IncidentFields } from '../../domain/incident.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { plainError } from '../components/errors.ts';
import { CheckboxField } from './controls.tsx';
import { localDateTime } from './drafts.ts';

/**
 * The illegal-content guard's switch and, once on, the seed policies' instructions. The
 * form removes photo capture for the incident while it is on; the domain and sealing
 * layers refuse images for it whatever the screen does.
 */
export function IllegalGuard({
  fields,
  onChange,
}: {
  fields: IncidentFields;
  onChange: (on: boolean) => void;
}) {
  const on = illegalSuspected(fields);
  const forced = Boolean(fields.category?.suspectedIllegal);
  return (
    <div class="illegal-guard">
      <CheckboxField
        label="This may involve illegal material (for example indecent images of children)"
        checked={on}
        disabled={forced}
        onChange={onChange}
        hint={
          forced
            ? 'The category chosen is one that may involve illegal material.'
            : 'If in doubt, tick it. Photos and screenshots are then switched off for this incident.'
        }
      />
      {on && (
        <div class="notice bad" role="alert" data-testid="illegal-instructions">
          <strong>Do not view, copy, capture or forward the material.</strong>
          <ol>
            {ILLEGAL_CONTENT_STEPS.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

/**
 * Applies a change that turns the guard on (or off). Turning it on first deletes any photos,
 * with the teacher's agreement: material that may be illegal must not be kept. Declining
 * leaves the record as it was (resolves false). The device's custody is then asked for.
 */
export function guardToggle({
  latest,
  commit,
  staffName,
  db,
  onMarked,
  onFailure,
}: {
  latest: () => IncidentFields;
  commit: (next: IncidentFields) => Promise<void>;
  staffName: string;
  db: SafetrailDb;
  onMarked: () => void;
  onFailure: (message: string) => void;
}) {
  return async (on: boolean, change: (f: IncidentFields) => IncidentFields) => {
    const current = latest();
    const photos = current.evidence.photos;
    if (on && photos.length) {
      const n = photos.length === 1 ? 'a photo' : `${photos.length} photos`;
      if (
        !window.confirm(
          `This incident has ${n} attached. Material that may be illegal must not be copied or kept, so ${photos.length === 1 ? 'it' : 'they'} will be deleted from this tablet first. Delete and continue?`,
        )
      )
        return false;
    }
    let next = change(current);
    if (on) {
      next = {
        ...next,
        suspectedIllegal: true,
        evidence: {
          ...next.evidence,
          photos: [],
          // Custody of the device is what gets recorded instead: offer its form at once.
          devices: next.evidence.devices.length
            ? next.evidence.devices
            : [newDevice(ulid(), staffName, localDateTime())],
        },
      };
      onMarked();
    }
    try {
      await commit(next);
      // Only once the saved draft no longer names them, so it never points at missing photos.
      if (on && photos.length) {
        const { deleteEvidence } = await import('../../storage/evidence-repo.ts');
        for (const p of photos) await deleteEvidence(db, p.id);
      }
    } catch (e) {
      onFailure(plainError(e));
    }
    return true;
  };
}
