/**
 * The device lifecycle in PostgreSQL, like sqlite-devices.ts: inserting, approving and
 * revoking devices, and each DSL device's key backup. Approval and revocation lock the
 * school's row first (lockSchool), so two DSLs revoking each other at once run one after
 * the other and the second sees the first's revocation: the school always keeps a DSL.
 */
import type pg from 'pg';
import { toDevice } from './sqlite-rows.ts';
import { lockSchool, one, PG_DEVICE_COLUMNS, run, tx, type Db } from './postgres-db.ts';
import type { ApproveOutcome, DeviceRecord, NewDevice, RevokeOutcome } from './types.ts';

type DeviceRow = Parameters<typeof toDevice>[0];

async function deviceOf(db: Db, school: string, id: string): Promise<DeviceRecord | null> {
  const sql = `SELECT ${PG_DEVICE_COLUMNS} FROM devices WHERE id = $1 AND school = $2`;
  const row = await one<DeviceRow>(db, sql, [id, school]);
  return row ? toDevice(row) : null;
}

export async function insertDevice(db: Db, d: NewDevice): Promise<void> {
  await run(
    db,
    `INSERT INTO devices (id, school, name, role, public_jwk, enrolled_at, enrolled_by,
       approved_at, person_name, reader_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      ...[d.id, d.school, d.name, d.role, JSON.stringify(d.publicKey), d.enrolledAt],
      ...[d.enrolledBy, d.approvedAt, d.personName],
      d.readerKey ? JSON.stringify(d.readerKey) : null,
    ],
  );
}

export function approveDevice(
  pool: pg.Pool,
  school: string,
  id: string,
  at: string,
): Promise<ApproveOutcome> {
  return tx(pool, async (client): Promise<ApproveOutcome> => {
    if (!(await lockSchool(client, school))) return 'not-found';
    const d = await deviceOf(client, school, id);
    if (!d) return 'not-found';
    if (d.revokedAt !== null) return 'revoked';
    if (d.approvedAt !== null) return 'already-approved';
    await run(client, 'UPDATE devices SET approved_at = $1 WHERE id = $2', [at, id]);
    return 'approved';
  });
}

export function revokeDevice(
  pool: pg.Pool,
  school: string,
  id: string,
  at: string,
): Promise<RevokeOutcome> {
  return tx(pool, async (client): Promise<RevokeOutcome> => {
    if (!(await lockSchool(client, school))) return 'not-found';
    const d = await deviceOf(client, school, id);
    if (!d) return 'not-found';
    if (d.revokedAt !== null) return 'already-revoked';
    if (d.role === 'dsl' && d.approvedAt !== null) {
      const others = await one<{ n: number }>(
        client,
        `SELECT COUNT(*) AS n FROM devices WHERE school = $1 AND id != $2 AND role = 'dsl'
           AND approved_at IS NOT NULL AND revoked_at IS NULL`,
        [school, id],
      );
      if (others!.n === 0) return 'last-dsl';
    }
    await run(client, 'UPDATE devices SET revoked_at = $1 WHERE id = $2', [at, id]);
    return 'revoked';
  });
}

export async function putKeyBackup(
  db: Db,
  school: string,
  device: string,
  json: string,
  at: string,
): Promise<void> {
  await run(
    db,
    `INSERT INTO key_backups (device, school, json, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (device) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    [device, school, json, at],
  );
}
