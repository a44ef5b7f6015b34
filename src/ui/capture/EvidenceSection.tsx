/**
 * Evidence: notes, web addresses (text only, never opened), devices with their custody, and
 * photos, which are not offered at all for an incident that may involve illegal material.
 */
import { newDevice, type DeviceCustody } from '../../domain/evidence.ts';
import { illegalSuspected } from '../../domain/illegal-content.ts';
import { ulid } from '../../domain/ulid.ts';
import { Field } from '../components/Field.tsx';
import { localDateTime } from './drafts.ts';
import type { FormApi } from './form-api.ts';
import { listEditor } from './list-editor.ts';
import { ListRows } from './ListRows.tsx';
import { HiddenPhotos, PhotoEvidence } from './PhotoEvidence.tsx';

export function EvidenceSection({ api }: { api: FormApi }) {
  const e = api.fields.evidence;
  const illegal = illegalSuspected(api.fields);
  const setEvidence = (patch: Partial<typeof e>, clear: string[]) =>
    api.update((f) => ({ ...f, evidence: { ...f.evidence, ...patch } }), clear);
  const edit = listEditor<DeviceCustody>(
    api,
    'evidence.devices',
    (f) => f.evidence.devices,
    (f, devices) => ({ ...f, evidence: { ...f.evidence, devices } }),
  );
  return (
    <>
      <Field
        label="Evidence notes"
        hint="What you saw, heard or were shown, in words."
        multiline
        value={e.notes}
        onInput={(notes) => setEvidence({ notes }, ['evidence.notes'])}
        error={api.errors['evidence.notes']}
      />
      <Field
        label="Web addresses"
        hint="One per line. Kept as text only: the app never opens them, and you should not visit them to check."
        multiline
        value={e.webAddresses}
        onInput={(webAddresses) => setEvidence({ webAddresses }, ['evidence.webAddresses'])}
        error={api.errors['evidence.webAddresses']}
      />
      <h3>Devices and who has them</h3>
      {api.errors['evidence.devices'] && (
        <p class="error" role="alert">
          {api.errors['evidence.devices']}
        </p>
      )}
      <ListRows
        items={e.devices}
        edit={edit}
        noun="device"
        addLabel="Add a device"
        newItem={() => newDevice(ulid(), api.staffName, localDateTime())}
        row={(d) => (
          <>
            <Field
              label="What the device is"
              hint="For example “pupil’s own phone, black, red case”."
              {...edit.field(d, 'description')}
            />
            <Field label="Who took it" {...edit.field(d, 'takenBy')} />
            <Field label="When it was taken" type="datetime-local" {...edit.field(d, 'takenAt')} />
            <Field
              label="Where it is kept now"
              hint="For example “sealed envelope, locked in the head teacher’s safe”."
              {...edit.field(d, 'keptAt')}
            />
          </>
        )}
      />
      <h3>Photos and screenshots</h3>
      {illegal ? (
        <>
          <p class="notice warn" data-testid="photos-off">
            Photos and screenshots are switched off for this incident because it may involve illegal
            material. Record the device and where it is kept instead.
          </p>
          {e.photos.length > 0 && <HiddenPhotos api={api} />}
        </>
      ) : (
        <PhotoEvidence api={api} />
      )}
    </>
  );
}
