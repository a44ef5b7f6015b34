/**
 * The device's IndexedDB database, and the only module that defines its schema. Dexie is
 * used here and in the repositories beside it, nowhere else (a lint rule enforces this), so
 * every write goes through code that stores ciphertext and metadata only.
 *
 * Connection life: when another tab or the service worker opens a newer version, this
 * connection closes (Dexie's default, which we keep) so the upgrade is not blocked, and the
 * app is told through `onVersionChange` so it can ask the user to reload. If the browser
 * drops the connection (storage cleared, disk trouble), Dexie closes it with auto-open on,
 * so the next query reopens it instead of failing forever; the repositories run the
 * operation that was caught half-way once more (reopen.ts), so it does not fail either.
 */
import { Dexie, type Table } from 'dexie';
import type {
  DeviceRecord,
  DraftRecord,
  DslVaultRecord,
  EvidenceChunkRecord,
  InboxRecord,
  OutboxRecord,
  RosterRecord,
  StaffProfileRecord,
  TombstoneRecord,
} from './records.ts';
import { DEFAULT_DB_NAME } from './db-name.ts';

export interface SafetrailDbOptions {
  /** Another context opened a newer schema (or deleted the database); this one has closed. */
  onVersionChange?: () => void;
  /** Our upgrade waits because another tab still holds the old version open. */
  onBlocked?: () => void;
}

export class SafetrailDb extends Dexie {
  device!: Table<DeviceRecord, string>;
  profiles!: Table<StaffProfileRecord, string>;
  drafts!: Table<DraftRecord, string>;
  outbox!: Table<OutboxRecord, string>;
  tombstones!: Table<TombstoneRecord, string>;
  vault!: Table<DslVaultRecord, string>;
  inbox!: Table<InboxRecord, number>;
  evidence!: Table<EvidenceChunkRecord, [string, number]>;
  rosters!: Table<RosterRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME, options: SafetrailDbOptions = {}) {
    super(name);
    // Schema v1. A later change adds version(2) with an upgrade function; never edit this one.
    this.version(1).stores({
      device: 'key',
      profiles: 'id',
      drafts: 'id, profileId, updatedAt',
      outbox: 'id, state, seq, nextAttemptAt',
      tombstones: 'id, deliveredAt',
      vault: 'key',
      inbox: 'logIndex, &id',
    });
    // Schema v2: evidence chunks (photos, encrypted under the draft key) and trip rosters
    // (encrypted under the staff key); the outbox and tombstones gain an index that groups
    // an incident's envelopes (the incident and its photo parts share one reference).
    this.version(2).stores({
      outbox: 'id, state, seq, nextAttemptAt, [state+reference]',
      tombstones: 'id, deliveredAt, reference',
      evidence: '[evidenceId+index], draftId',
      rosters: 'id, profileId',
    });
    this.on('versionchange', () => {
      // Close even if Dexie's own handler changes in a later release: holding the old
      // version open would block the new code's upgrade in the other context.
      this.close({ disableAutoOpen: false });
      options.onVersionChange?.();
    });
    this.on('blocked', () => options.onBlocked?.());
  }
}
