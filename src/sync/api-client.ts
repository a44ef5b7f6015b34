/**
 * The device's HTTP client for the school endpoint. Public calls (status, setup, register)
 * are plain JSON; everything else is signed with the device's non-extractable key over the
 * exact body string sent (request-auth.ts), so the endpoint can tell which enrolled device
 * asked and a captured request cannot be replayed.
 *
 * Failures become errors with a sentence staff can act on: TransportError when the
 * endpoint cannot be reached or its answer cannot be read, ApiError (a TransportError with
 * the endpoint's {error, message}) for any non-2xx answer. Nothing here logs bodies.
 */
import { TransportError, type UploadTransport } from './engine.ts';
import {
  API,
  apiPath,
  MAX_ERASURE_PAGE,
  type DeviceInfo,
  type DeviceStatusReport,
  type EnrollmentCodeRequest,
  type EnrollmentCodeResponse,
  type ErasureListResponse,
  type ErasureRequest,
  type ErasureResponse,
  type KeyBackup,
  type PullResponse,
  type RegisterRequest,
  type RegisterResponse,
  type SchoolStatus,
  type SetupRequest,
  type SetupResponse,
  type UploadItemResult,
} from './protocol.ts';
import type { SignedRecipientSet } from './recipient-set.ts';
import { signRequest } from './request-auth.ts';

export const UNREACHABLE =
  'Cannot reach the school endpoint. Check the connection; nothing has been lost.';
export const TIMED_OUT =
  'The school endpoint took too long to answer. Nothing has been lost; it will be tried again.';
export const UNREADABLE =
  'The school endpoint sent an answer this device cannot read. Nothing has been lost.';

/** A non-2xx answer. Retryable for 5xx, 408 and 429; 401 (unknown device) and 403 (revoked) are not. */
export class ApiError extends TransportError {
  readonly status: number;
  readonly error: string;
  constructor(status: number, error: string, message: string) {
    super(message, status >= 500 || status === 408 || status === 429);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
  }
}

export interface ApiClientOptions {
  /** Base address, e.g. https://safetrail.school.example (a trailing slash is ignored). */
  endpoint: string;
  fetch?: typeof fetch;
  /** Needed for the signed calls; enrollment and setup happen before a device exists. */
  device?: { deviceId: string; signingKey: CryptoKey };
  /** Per-request limit (default 60 s), so a stalled upload cannot hold the upload lock forever. */
  timeoutMs?: number;
}

export interface ApiClient {
  schoolStatus(): Promise<SchoolStatus>;
  setup(req: SetupRequest): Promise<SetupResponse>;
  register(req: RegisterRequest): Promise<RegisterResponse>;
  /** The endpoint's copy is untrusted: pass it to verifyRecipientSet before using it. */
  recipientSet(): Promise<unknown>;
  createEnrollmentCode(request?: EnrollmentCodeRequest): Promise<EnrollmentCodeResponse>;
  listDevices(): Promise<{ devices: DeviceInfo[] }>;
  deviceSelf(): Promise<DeviceInfo>;
  reportStatus(report: DeviceStatusReport): Promise<void>;
  approveDevice(id: string): Promise<DeviceInfo>;
  revokeDevice(id: string): Promise<DeviceInfo>;
  putKeyBackup(backup: KeyBackup): Promise<void>;
  getKeyBackup(): Promise<KeyBackup>;
  /** Untrusted like recipientSet(): verify before use. */
  recipientSetVersion(version: number): Promise<unknown>;
  publishRecipientSet(set: SignedRecipientSet): Promise<unknown>;
  /**
   * The policy pack JSON as served (untrusted until checked). Pass this device's school id
   * once it has one: a trust's hub holds several schools and serves each its own pack
   * (without it, a hub serves the default pack).
   */
  policyText(school?: string): Promise<string>;
  putPolicy(packJson: string): Promise<void>;
  pull(after: number, limit?: number): Promise<PullResponse>;
  /** DSL devices: erase these envelopes' ciphertext at the endpoint (1 to MAX_ERASURE_IDS ids). */
  erase(ids: string[]): Promise<ErasureResponse>;
  /** DSL devices: the school's erasure log after index `after`. */
  listErasures(after: number, limit?: number): Promise<ErasureListResponse>;
  uploadTransport(): UploadTransport;
}

/** The body as JSON, or null if it is not JSON (a proxy's error page, say). */
async function jsonOrNull(res: Response): Promise<unknown> {
  try {
    return JSON.parse(await res.text()) as unknown;
  } catch {
    return null;
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body = (await jsonOrNull(res)) as { error?: unknown; message?: unknown } | null;
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof body.error === 'string' &&
    typeof body.message === 'string'
  ) {
    return new ApiError(res.status, body.error, body.message);
  }
  const message =
    res.status >= 500
      ? `The school endpoint had a problem (HTTP ${res.status}). Nothing has been lost; it will be tried again.`
      : `The school endpoint refused the request (HTTP ${res.status}). Nothing has been lost.`;
  return new ApiError(res.status, `http-${res.status}`, message);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.endpoint.replace(/\/+$/, '');
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function call<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: string | null,
    signed: boolean,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== null) headers['content-type'] = 'application/json';
    if (signed) {
      if (!options.device)
        throw new Error('This device is not enrolled, so it cannot sign requests.');
      Object.assign(
        headers,
        await signRequest(
          options.device.deviceId,
          options.device.signingKey,
          method,
          path,
          body ?? '',
        ),
      );
    }
    let res: Response;
    try {
      res = await fetchFn(base + path, {
        method,
        headers,
        ...(body !== null ? { body } : {}),
        ...(typeof AbortSignal.timeout === 'function'
          ? { signal: AbortSignal.timeout(timeoutMs) }
          : {}),
      });
    } catch (error) {
      const timedOut = (error as { name?: string } | null)?.name === 'TimeoutError';
      throw new TransportError(timedOut ? TIMED_OUT : UNREACHABLE, true, { cause: error });
    }
    if (!res.ok) throw await errorFrom(res);
    if (res.status === 204) return undefined as T;
    try {
      return JSON.parse(await res.text()) as T;
    } catch (error) {
      throw new TransportError(UNREADABLE, true, { cause: error });
    }
  }

  return {
    schoolStatus: () => call<SchoolStatus>('GET', API.school, null, false),
    setup: (req) => call<SetupResponse>('POST', API.setup, JSON.stringify(req), false),
    register: (req) => call<RegisterResponse>('POST', API.register, JSON.stringify(req), false),
    recipientSet: () => call<unknown>('GET', API.recipientSet, null, true),
    createEnrollmentCode: (request = {}) =>
      call<EnrollmentCodeResponse>('POST', API.enrollmentCodes, JSON.stringify(request), true),
    listDevices: () => call<{ devices: DeviceInfo[] }>('GET', API.devices, null, true),
    deviceSelf: () => call<DeviceInfo>('GET', API.deviceSelf, null, true),
    reportStatus: (report) =>
      call<void>('POST', API.deviceSelfStatus, JSON.stringify(report), true),
    approveDevice: (id) => call<DeviceInfo>('POST', apiPath.approveDevice(id), '{}', true),
    revokeDevice: (id) => call<DeviceInfo>('POST', apiPath.revokeDevice(id), '{}', true),
    putKeyBackup: (backup) => call<void>('PUT', API.keyBackup, JSON.stringify(backup), true),
    getKeyBackup: () => call<KeyBackup>('GET', API.keyBackup, null, true),
    recipientSetVersion: (version) =>
      call<unknown>('GET', apiPath.recipientSetVersion(version), null, true),
    policyText: async (school) => {
      const path = school ? `${API.policy}?school=${encodeURIComponent(school)}` : API.policy;
      return JSON.stringify(await call<unknown>('GET', path, null, false));
    },
    putPolicy: (packJson) => call<void>('PUT', API.policy, packJson, true),
    publishRecipientSet: (set) =>
      call<unknown>('POST', API.recipientSet, JSON.stringify(set), true),
    pull: (after, limit = 200) =>
      call<PullResponse>(
        'GET',
        `${API.envelopes}?after=${encodeURIComponent(after)}&limit=${encodeURIComponent(limit)}`,
        null,
        true,
      ),
    erase: (ids) =>
      call<ErasureResponse>(
        'POST',
        API.erasures,
        JSON.stringify({ ids } satisfies ErasureRequest),
        true,
      ),
    listErasures: (after, limit = MAX_ERASURE_PAGE) =>
      call<ErasureListResponse>(
        'GET',
        `${API.erasures}?after=${encodeURIComponent(after)}&limit=${encodeURIComponent(limit)}`,
        null,
        true,
      ),
    uploadTransport: () => ({
      async upload(envelopes: string[]): Promise<UploadItemResult[]> {
        // The envelopes are already canonical JSON: spliced in as-is, never re-serialised,
        // so the bytes the endpoint hashes are the bytes the receipt must commit to.
        const body = `{"envelopes":[${envelopes.join(',')}]}`;
        const res = await call<{ results?: unknown }>('POST', API.envelopes, body, true);
        if (!res || !Array.isArray(res.results)) throw new TransportError(UNREADABLE, true);
        return res.results as UploadItemResult[];
      },
    }),
  };
}
