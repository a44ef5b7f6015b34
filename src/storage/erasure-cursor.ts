/**
 * How far a DSL console has applied the endpoint's erasure log: the index of the last
 * erasure whose envelopes it removed from its inbox, so each erasure is applied once (and
 * applying one again is harmless: removing is idempotent). It is an index, not record
 * content, so it lives in a small idb-keyval database of its own, beside the settings.
 *
 * The key names the Dexie database and the enrolled device: a browser enrolled again (a
 * new device id, perhaps at another school) starts from 0 and applies the whole log rather
 * than skip erasures it never saw. A cursor left behind by a database that was wiped is
 * harmless too: a fresh pull never returns an erased envelope.
 */
import { createStore, get, update, type UseStore } from 'idb-keyval';
import type { SafetrailDb } from './db.ts';
import { guardWrite } from './errors.ts';

export const ERASURE_CURSOR_DB = 'safetrail-erasures';

let store: UseStore | null = null;
const cursorStore = () => (store ??= createStore(ERASURE_CURSOR_DB, 'cursor'));

async function keyFor(db: SafetrailDb): Promise<string> {
  const device = await db.device.get('self');
  return `${db.name}|${device?.deviceId ?? ''}`;
}

/** The last erasure-log index applied to this database's inbox, or 0. */
export async function erasureCursor(db: SafetrailDb): Promise<number> {
  return (await get<number>(await keyFor(db), cursorStore())) ?? 0;
}

/** Records that erasures up to `index` are applied; never moves the cursor back. */
export async function advanceErasureCursor(db: SafetrailDb, index: number): Promise<void> {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error('Invalid erasure index');
  const key = await keyFor(db);
  await guardWrite(() => update<number>(key, (old) => Math.max(old ?? 0, index), cursorStore()));
}
