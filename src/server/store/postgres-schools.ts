/**
 * Schools and their set-up codes in PostgreSQL, like sqlite-schools.ts: each pending code
 * creates exactly one school and is deleted in the transaction that creates it (a second
 * set-up with the same code waits on the row's lock, then finds it gone). Topping the codes
 * up takes an advisory lock, so two hub processes starting at once do not both add codes.
 */
import type pg from 'pg';
import { insertDevice, putKeyBackup } from './postgres-devices.ts';
import { all, isUniqueViolation, one, run, tx, type Db } from './postgres-db.ts';
import type { NewSchool, SetupOutcome, StoredRecipientSet } from './types.ts';

/** Names the set-up-code lock among the database's advisory locks. */
const SETUP_CODES_LOCK = 0x5afe7a12;

export async function pendingSetupCodes(db: Db): Promise<string[]> {
  const rows = await all<{ code: string }>(db, 'SELECT code FROM setup_codes ORDER BY n');
  return rows.map((r) => r.code);
}

export function ensureSetupCodes(
  pool: pg.Pool,
  slots: number,
  make: () => string,
): Promise<string[]> {
  return tx(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SETUP_CODES_LOCK]);
    // One statement, one snapshot: a set-up committing meanwhile is counted once, not twice.
    const counts = await one<{ taken: number; pending: number }>(
      client,
      `SELECT (SELECT COUNT(*) FROM schools) AS taken, (SELECT COUNT(*) FROM setup_codes) AS pending`,
    );
    const taken = counts!.taken;
    let pending = counts!.pending;
    for (; taken + pending < slots; pending++) {
      const sql = 'INSERT INTO setup_codes (code, created_at) VALUES ($1, $2)';
      await run(client, sql, [make(), new Date().toISOString()]);
    }
    const surplus = Math.min(pending, taken + pending - slots);
    if (surplus > 0) {
      await run(
        client,
        'DELETE FROM setup_codes WHERE n IN (SELECT n FROM setup_codes ORDER BY n DESC LIMIT $1)',
        [surplus],
      );
    }
    return pendingSetupCodes(client);
  });
}

export async function insertRecipientSet(
  db: Db,
  school: string,
  set: StoredRecipientSet,
): Promise<void> {
  const sql = 'INSERT INTO recipient_sets (school, version, json) VALUES ($1, $2, $3)';
  await run(db, sql, [school, set.version, set.json]);
}

export async function setupSchool(
  pool: pg.Pool,
  { school, recipientSet, keyBackupJson, device }: NewSchool,
  code: string,
): Promise<SetupOutcome> {
  try {
    return await tx(pool, async (client): Promise<SetupOutcome> => {
      if (await one(client, 'SELECT 1 FROM schools WHERE id = $1', [school.id]))
        return 'school-exists';
      if ((await run(client, 'DELETE FROM setup_codes WHERE code = $1', [code])) === 0)
        return 'code-used';
      await run(client, 'INSERT INTO schools (id, name, created) VALUES ($1, $2, $3)', [
        school.id,
        school.name,
        school.created,
      ]);
      await insertRecipientSet(client, school.id, recipientSet);
      await insertDevice(client, device);
      await putKeyBackup(client, school.id, device.id, keyBackupJson, device.enrolledAt);
      return 'created';
    });
  } catch (err) {
    // Two set-ups naming one new school id at once: the second is refused, its code kept.
    const constraint = (err as { constraint?: unknown }).constraint;
    if (isUniqueViolation(err) && constraint === 'schools_pkey') return 'school-exists';
    throw err;
  }
}
