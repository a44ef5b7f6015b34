/**
 * Incident drafts for the unlocked member of staff. Every read and write goes through the
 * draft's own key; IndexedDB only ever receives ciphertext. A draft written by an earlier
 * version (the spine's four fields) opens with the newer parts filled by their defaults.
 */
import {
  createDraftKey,
  decryptDraft,
  encryptDraft,
  openDraftKey,
} from '../../crypto/draft-seal.ts';
import { localDateTime } from '../../domain/datetime.ts';
import { completeFields, EMPTY_INCIDENT, type IncidentFields } from '../../domain/incident.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { deleteDraft, getDraft, listDrafts, putDraft } from '../../storage/draft-repo.ts';
import type { StaffSession } from '../app/session.tsx';

export { localDateTime };

export interface OpenDraft {
  id: string;
  key: CryptoKey;
  createdAt: string;
  fields: IncidentFields;
}

export interface DraftSummary {
  id: string;
  updatedAt: string;
  preview: string;
}

/** Starts a draft dated now, reported by the member of staff, on today's trip if there is one. */
export async function startDraft(
  db: SafetrailDb,
  staff: StaffSession,
  trip = '',
  preset: Partial<IncidentFields> = {},
): Promise<OpenDraft> {
  const id = ulid();
  const { key, wrappedKey } = await createDraftKey(id, staff.key);
  const now = new Date().toISOString();
  const fields: IncidentFields = {
    ...EMPTY_INCIDENT,
    when: localDateTime(),
    reportedBy: staff.name,
    trip,
    ...preset,
  };
  await putDraft(db, {
    id,
    profileId: staff.profileId,
    createdAt: now,
    updatedAt: now,
    wrappedKey,
    data: await encryptDraft(id, key, fields),
  });
  return { id, key, createdAt: now, fields };
}

export async function openDraft(
  db: SafetrailDb,
  staff: StaffSession,
  id: string,
): Promise<OpenDraft | null> {
  const record = await getDraft(db, id);
  if (!record || record.profileId !== staff.profileId) return null;
  const key = await openDraftKey(id, staff.key, record.wrappedKey);
  return {
    id,
    key,
    createdAt: record.createdAt,
    fields: completeFields(await decryptDraft<Partial<IncidentFields>>(id, key, record.data)),
  };
}

export async function saveDraft(
  db: SafetrailDb,
  staff: StaffSession,
  draft: OpenDraft,
  fields: IncidentFields,
): Promise<void> {
  // Timed for `npm run bench` (bench/browser-figures.ts reads this measure): encrypt + persist.
  const start = performance.now();
  const record = await getDraft(db, draft.id);
  if (!record) return; // sealed or discarded meanwhile: never resurrect it
  await putDraft(db, {
    ...record,
    updatedAt: new Date().toISOString(),
    data: await encryptDraft(draft.id, draft.key, fields),
  });
  performance.measure('safetrail:draft-save', { start });
}

function previewOf(fields: Partial<IncidentFields>): string {
  const what = fields.what?.trim().slice(0, 80) || '(nothing written yet)';
  const where = fields.where?.trim().slice(0, 40);
  return where ? `${what} (${where})` : what;
}

export async function draftSummaries(
  db: SafetrailDb,
  staff: StaffSession,
): Promise<DraftSummary[]> {
  const records = await listDrafts(db, staff.profileId);
  return Promise.all(
    records.map(async (r) => {
      try {
        const key = await openDraftKey(r.id, staff.key, r.wrappedKey);
        const fields = await decryptDraft<Partial<IncidentFields>>(r.id, key, r.data);
        return { id: r.id, updatedAt: r.updatedAt, preview: previewOf(fields) };
      } catch {
        return { id: r.id, updatedAt: r.updatedAt, preview: '(this draft could not be opened)' };
      }
    }),
  );
}

/** Deletes the draft and its evidence chunks. */
export const discardDraft = (db: SafetrailDb, id: string) => deleteDraft(db, id);
