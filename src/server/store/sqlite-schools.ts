/**
 * Schools and their set-up codes in SQLite. A set-up code is the only way a school comes
 * into being: each pending code creates exactly one school, and it is consumed in the same
 * transaction that creates it, so a code read off the console twice still makes one school.
 * An endpoint for one school keeps one code until it is set up; a trust's hub keeps as many
 * as it has schools still to set up (HUB_SCHOOLS). Kept apart from sqlite-store.ts so each
 * file reads as one concern.
 */
import type Database from 'better-sqlite3';
import type { SqliteDevices } from './sqlite-devices.ts';
import type { NewSchool, SchoolRecord, SetupOutcome, StoredRecipientSet } from './types.ts';

export class SqliteSchools {
  constructor(
    private readonly db: Database.Database,
    private readonly devices: SqliteDevices,
  ) {}

  get(id: string): SchoolRecord | null {
    const sql = 'SELECT id, name, created FROM school WHERE id = ?';
    return (this.db.prepare(sql).get(id) as SchoolRecord | undefined) ?? null;
  }

  list(): SchoolRecord[] {
    const sql = 'SELECT id, name, created FROM school ORDER BY created, id';
    return this.db.prepare(sql).all() as SchoolRecord[];
  }

  pendingCodes(): string[] {
    const rows = this.db.prepare('SELECT code FROM setup_codes ORDER BY n').all();
    return (rows as { code: string }[]).map((r) => r.code);
  }

  ensureCodes(slots: number, make: () => string): string[] {
    return this.db.transaction(() => {
      const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
      const taken = count('SELECT COUNT(*) AS n FROM school');
      let pending = count('SELECT COUNT(*) AS n FROM setup_codes');
      const insert = this.db.prepare('INSERT INTO setup_codes (code, created_at) VALUES (?, ?)');
      for (; taken + pending < slots; pending++) insert.run(make(), new Date().toISOString());
      // Fewer slots than before: the newest codes go first (the oldest may be in use already).
      const surplus = Math.min(pending, taken + pending - slots);
      if (surplus > 0) {
        this.db
          .prepare(
            'DELETE FROM setup_codes WHERE n IN (SELECT n FROM setup_codes ORDER BY n DESC LIMIT ?)',
          )
          .run(surplus);
      }
      return this.pendingCodes();
    })();
  }

  setup({ school, recipientSet, keyBackupJson, device }: NewSchool, code: string): SetupOutcome {
    return this.db.transaction((): SetupOutcome => {
      // Checked before the code is spent: a clash leaves the code usable.
      if (this.get(school.id)) return 'school-exists';
      if (this.db.prepare('DELETE FROM setup_codes WHERE code = ?').run(code).changes === 0)
        return 'code-used';
      this.db
        .prepare('INSERT INTO school (id, name, created) VALUES (?, ?, ?)')
        .run(school.id, school.name, school.created);
      this.insertRecipientSet(school.id, recipientSet);
      this.devices.insert(device);
      this.devices.putKeyBackup(school.id, device.id, keyBackupJson, device.enrolledAt);
      return 'created';
    })();
  }

  insertRecipientSet(school: string, set: StoredRecipientSet): void {
    const sql = 'INSERT INTO recipient_sets (school, version, json) VALUES (?, ?, ?)';
    this.db.prepare(sql).run(school, set.version, set.json);
  }
}
