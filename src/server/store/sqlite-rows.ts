/**
 * How SQLite rows become store records: column lists with aliases, so a row already has the
 * record's field names and only the JSON column needs decoding. Kept apart from the store
 * so the queries read as queries.
 */
import type { DeviceRecord, ErasureRecord } from './types.ts';

export const DEVICE_COLUMNS = `id, school, name, role, public_jwk AS publicKey, enrolled_at AS enrolledAt,
  enrolled_by AS enrolledBy, last_seen_at AS lastSeenAt, revoked_at AS revokedAt,
  approved_at AS approvedAt, person_name AS personName, queued, oldest_queued_at AS oldestQueuedAt,
  last_sync_at AS lastSyncAt, reader_key AS readerKey`;

export const CODE_COLUMNS = `code_hash AS codeHash, school, created_by AS createdBy, created_at AS createdAt,
  expires_at AS expiresAt, used_at AS usedAt, used_by AS usedBy, role, person_name AS personName`;

export const LOG_COLUMNS = `idx AS "index", id, school, device, seq, kind, created, size,
  envelope_hash AS envelopeHash, body, prev_head AS prevHead, head, received_at AS receivedAt, receipt,
  ct_hash AS ctHash, erased_at AS erasedAt`;

export const ERASURE_COLUMNS = 'school, idx AS "index", device, at, ids';

/** An erasure row: its ids are stored as a JSON array. */
export function toErasure(row: Omit<ErasureRecord, 'ids'> & { ids: string }): ErasureRecord {
  return { ...row, ids: JSON.parse(row.ids) as string[] };
}

export function toDevice(
  row: Omit<DeviceRecord, 'publicKey' | 'readerKey'> & {
    publicKey: string;
    readerKey: string | null;
  },
): DeviceRecord {
  return {
    ...row,
    publicKey: JSON.parse(row.publicKey) as DeviceRecord['publicKey'],
    readerKey:
      row.readerKey === null ? null : (JSON.parse(row.readerKey) as DeviceRecord['readerKey']),
  };
}
