/**
 * What the endpoint tells DSLs (and a device about itself) of an enrolled device: the
 * DeviceInfo of the protocol, built from the stored record. Metadata only: names, keys,
 * times and counts, never anything a device sealed. A device's status is derived from its
 * times (revoked wins over approved), so it can never disagree with them.
 */
import type { DeviceInfo, DeviceStatus } from '../sync/protocol.ts';
import type { DeviceRecord, EndpointStore } from './store/types.ts';

export function deviceStatus(d: DeviceRecord): DeviceStatus {
  if (d.revokedAt !== null) return 'revoked';
  return d.approvedAt !== null ? 'approved' : 'pending';
}

/** `enrolledBy` is the name of the device that created its code (null for the set-up device). */
export function deviceInfo(d: DeviceRecord, enrolledBy: string | null): DeviceInfo {
  return {
    id: d.id,
    name: d.name,
    role: d.role,
    publicKey: d.publicKey,
    enrolledAt: d.enrolledAt,
    lastSeenAt: d.lastSeenAt,
    revoked: d.revokedAt !== null,
    status: deviceStatus(d),
    enrolledBy,
    personName: d.personName,
    queued: d.queued,
    oldestQueuedAt: d.oldestQueuedAt,
    lastSyncAt: d.lastSyncAt,
    revokedAt: d.revokedAt,
    readerKey: d.readerKey,
  };
}

/** Every device of a school, with enrolledBy resolved from the same list. */
export function deviceInfos(devices: DeviceRecord[]): DeviceInfo[] {
  const names = new Map(devices.map((d) => [d.id, d.name]));
  return devices.map((d) => deviceInfo(d, d.enrolledBy ? (names.get(d.enrolledBy) ?? null) : null));
}

/** One device, read afresh, with enrolledBy resolved. */
export async function loadDeviceInfo(store: EndpointStore, id: string): Promise<DeviceInfo> {
  const d = await store.getDevice(id);
  if (!d) throw new Error('Device vanished from the store');
  const by = d.enrolledBy ? await store.getDevice(d.enrolledBy) : null;
  return deviceInfo(d, by?.name ?? null);
}
