/**
 * One upload run for this device, shared by the service worker and the page: loads the
 * enrolled device (id, signing key, pinned receipt key) and hands the outbox to the engine.
 * It sees only sealed envelopes and holds no reading key; storage is injected so this
 * module stays free of Dexie.
 */
import type { PublicJwk } from '../crypto/signing.ts';
import { createApiClient } from './api-client.ts';
import { runUpload, type SyncReport } from './engine.ts';
import type { OutboxStore } from './outbox.ts';

/** The parts of the enrolled device record an upload needs (never a reading key). */
export interface UploadingDevice {
  deviceId: string;
  signingKey: CryptoKey;
  endpoint: string;
  schoolId: string;
  recipientSet: { receiptKey: PublicJwk };
}

export interface DeviceUploadDeps {
  loadDevice: () => Promise<UploadingDevice | null | undefined>;
  store: OutboxStore;
  fetch?: typeof fetch;
  now?: () => number;
  /** Ignore per-item backoff (see UploadDeps.force). */
  force?: boolean;
}

export async function runDeviceUpload(deps: DeviceUploadDeps): Promise<SyncReport | null> {
  const device = await deps.loadDevice();
  if (!device) return null;
  const api = createApiClient({
    endpoint: device.endpoint,
    device: { deviceId: device.deviceId, signingKey: device.signingKey },
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return runUpload({
    store: deps.store,
    transport: api.uploadTransport(),
    receiptKey: device.recipientSet.receiptKey,
    school: device.schoolId,
    now: deps.now ?? Date.now,
    force: deps.force ?? false,
  });
}
