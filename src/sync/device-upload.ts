/**
 * One sync run for this device, shared by the service worker and the page: refresh the
 * school's recipient set (accepting only a newer set signed by the pinned school key), then
 * hand the outbox to the upload engine. It sees only sealed envelopes and holds no reading
 * key; storage is injected so this module stays free of Dexie.
 */
import type { PublicJwk } from '../crypto/jwk.ts';
import { createApiClient, type ApiClient } from './api-client.ts';
import { runUpload, type SyncReport } from './engine.ts';
import type { OutboxStore } from './outbox.ts';
import type { DeviceStatusReport } from './protocol.ts';
import { verifyRecipientSet, type SignedRecipientSet } from './recipient-set.ts';

/** The parts of the enrolled device record a sync needs (never a reading key). */
export interface UploadingDevice {
  deviceId: string;
  signingKey: CryptoKey;
  endpoint: string;
  schoolId: string;
  pinnedFingerprint: string;
  recipientSet: { receiptKey: PublicJwk; version: number };
}

export interface DeviceUploadDeps {
  loadDevice: () => Promise<UploadingDevice | null | undefined>;
  store: OutboxStore;
  /** What to tell the endpoint about the outbox after the run (counts and a time only). */
  outboxStatus?: () => Promise<DeviceStatusReport>;
  /** Stores a verified, strictly newer recipient set so new records are sealed to it. */
  saveRecipientSet?: (set: SignedRecipientSet) => Promise<void>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Ignore per-item backoff (see UploadDeps.force). */
  force?: boolean;
}

export interface DeviceSyncReport extends SyncReport {
  /** Why a recipient set offered by the endpoint was refused (forged, unsigned, older). */
  recipientSetRefused: string | null;
}

/**
 * Fetches the current recipient set and keeps it only if it verifies against the pinned
 * fingerprint and is newer than the one held; an older or forged set is refused (never a
 * rollback). A network failure here is not a refusal: the upload reports that.
 */
async function refreshRecipientSet(
  api: ApiClient,
  device: UploadingDevice,
  save: (set: SignedRecipientSet) => Promise<void>,
): Promise<string | null> {
  let candidate: unknown;
  try {
    candidate = await api.recipientSet();
  } catch {
    return null;
  }
  try {
    const set = await verifyRecipientSet(
      candidate,
      device.pinnedFingerprint,
      device.recipientSet.version,
    );
    if (set.version > device.recipientSet.version) await save(set);
    return null;
  } catch (e) {
    return e instanceof Error
      ? e.message
      : 'The endpoint offered an invalid list of safeguarding leads.';
  }
}

export async function runDeviceUpload(deps: DeviceUploadDeps): Promise<DeviceSyncReport | null> {
  const device = await deps.loadDevice();
  if (!device) return null;
  const api = createApiClient({
    endpoint: device.endpoint,
    device: { deviceId: device.deviceId, signingKey: device.signingKey },
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const recipientSetRefused = deps.saveRecipientSet
    ? await refreshRecipientSet(api, device, deps.saveRecipientSet)
    : null;
  const report = await runUpload({
    store: deps.store,
    transport: api.uploadTransport(),
    receiptKey: device.recipientSet.receiptKey,
    school: device.schoolId,
    now: deps.now ?? Date.now,
    force: deps.force ?? false,
  });
  if (deps.outboxStatus && !report.error) {
    // Best effort: the office's view of waiting records must never block an upload.
    await api.reportStatus(await deps.outboxStatus()).catch(() => undefined);
  }
  return { ...report, recipientSetRefused };
}
