/**
 * The device lifecycle in SQLite: inserting, approving and revoking devices, their outbox
 * reports and last sync, and each DSL device's encrypted key backup. Kept apart from
 * sqlite-store.ts (which delegates here) so each file reads as one concern. Approval and
 * revocation are each one transaction: the last-DSL rule is checked where it is applied,
 * so two DSLs revoking each other at the same moment cannot leave the school with none.
 */
import type Database from 'better-sqlite3';
import { DEVICE_COLUMNS, toDevice } from './sqlite-rows.ts';
import type { ApproveOutcome, DeviceRecord, NewDevice, RevokeOutcome } from './types.ts';

type DeviceRow = Parameters<typeof toDevice>[0];

export class SqliteDevices {
  constructor(private readonly db: Database.Database) {}

  private row(school: string, id: string): DeviceRecord | null {
    const sql = `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ? AND school = ?`;
    const row = this.db.prepare(sql).get(id, school) as DeviceRow | undefined;
    return row ? toDevice(row) : null;
  }

  insert(d: NewDevice): void {
    this.db
      .prepare(
        `INSERT INTO devices (id, school, name, role, public_jwk, enrolled_at, enrolled_by,
           approved_at, person_name, reader_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ...[d.id, d.school, d.name, d.role, JSON.stringify(d.publicKey), d.enrolledAt],
        ...[d.enrolledBy, d.approvedAt, d.personName],
        d.readerKey ? JSON.stringify(d.readerKey) : null,
      );
  }

  approve(school: string, id: string, at: string): ApproveOutcome {
    return this.db.transaction((): ApproveOutcome => {
      const d = this.row(school, id);
      if (!d) return 'not-found';
      if (d.revokedAt !== null) return 'revoked';
      if (d.approvedAt !== null) return 'already-approved';
      this.db.prepare('UPDATE devices SET approved_at = ? WHERE id = ?').run(at, id);
      return 'approved';
    })();
  }

  revoke(school: string, id: string, at: string): RevokeOutcome {
    return this.db.transaction((): RevokeOutcome => {
      const d = this.row(school, id);
      if (!d) return 'not-found';
      if (d.revokedAt !== null) return 'already-revoked';
      if (d.role === 'dsl' && d.approvedAt !== null) {
        const others = this.db
          .prepare(
            `SELECT COUNT(*) AS n FROM devices WHERE school = ? AND id != ? AND role = 'dsl'
               AND approved_at IS NOT NULL AND revoked_at IS NULL`,
          )
          .get(school, id) as { n: number };
        if (others.n === 0) return 'last-dsl';
      }
      this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(at, id);
      return 'revoked';
    })();
  }

  reportStatus(id: string, queued: number, oldestQueuedAt: string | null): void {
    const sql = 'UPDATE devices SET queued = ?, oldest_queued_at = ? WHERE id = ?';
    this.db.prepare(sql).run(queued, oldestQueuedAt, id);
  }

  markSynced(id: string, at: string): void {
    this.db.prepare('UPDATE devices SET last_sync_at = ? WHERE id = ?').run(at, id);
  }

  putKeyBackup(school: string, device: string, json: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO key_backups (device, school, json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
      )
      .run(device, school, json, at);
  }

  getKeyBackup(device: string): string | null {
    const row = this.db.prepare('SELECT json FROM key_backups WHERE device = ?').get(device) as
      { json: string } | undefined;
    return row?.json ?? null;
  }
}
