/**
 * Device authentication. Every API call after enrollment is signed by the device's own
 * key over method, path (with its query, exactly as sent), time, nonce and the raw body
 * (src/sync/request-auth.ts). The checks run cheapest first and the nonce is remembered
 * only once the signature holds, so unsigned junk cannot fill the replay cache.
 *
 * Then the device's standing: a revoked device is refused everything (its delivered
 * records stay in the log); a DSL device enrolled with a DSL code is 'pending' until
 * another DSL approves it, and may only do what it needs to get ready (fetch the recipient
 * set, keep its key backup, ask about itself), so a leaked DSL code alone never reads.
 *
 * And its role: most routes name the roles they admit. The school office's computer holds
 * no key that opens a record, so it is admitted only where metadata is enough (the device
 * list, tablet codes, revoking a tablet, its own status); everywhere else it is refused.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { AUTH_HEADERS, REPLAY_WINDOW_MS, requestSigningText } from '../sync/request-auth.ts';
import { worthRecording } from './activity-time.ts';
import { HttpError } from './errors.ts';
import { publicKeyObject, sha256Text, verifyText } from './node-crypto.ts';
import { NonceCache } from './nonce-cache.ts';
import { RateLimiter } from './rate-limit.ts';
import type { DeviceRecord, DeviceRole, EndpointStore } from './store/types.ts';

const MAX_CACHED_KEYS = 1000;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const TIME = /^\d{1,16}$/;

const REFUSALS = {
  unauthenticated: [
    401,
    'This request is not signed by an enrolled device. Enrol this device first.',
  ],
  'unknown-device': [
    401,
    'This device is not enrolled with the school. Enrol it again with a new code.',
  ],
  'device-revoked': [
    403,
    'This device has been revoked by the school’s safeguarding lead. Records it already delivered are safe. Ask your DSL.',
  ],
  'device-pending': [403, 'This device is waiting for a safeguarding lead to approve it.'],
  'stale-request': [
    401,
    'The request’s time is too far from the school’s clock. Check the date and time on this device.',
  ],
  'replayed-request': [401, 'This request was already received once and cannot be repeated.'],
  'bad-signature': [401, 'The request’s signature does not match this device’s key.'],
  busy: [429, 'The school endpoint is very busy. Try again in a minute.'],
  forbidden: [403, 'Only a safeguarding lead’s device can do this.'],
} as const;

const ROLE_NAMES: Record<DeviceRole, string> = {
  dsl: 'a safeguarding lead’s device',
  tablet: 'a staff tablet',
  office: 'the school office’s computer',
};

/** A refusal by role that names who may: the house sentence when that is the DSLs alone. */
function forbidden(roles: DeviceRole[]): HttpError {
  if (roles.length === 1 && roles[0] === 'dsl') return refuse('forbidden');
  const who = roles.map((r) => ROLE_NAMES[r]).join(' or ');
  return new HttpError(403, 'forbidden', `Only ${who} can do this.`);
}

function refuse(code: keyof typeof REFUSALS): HttpError {
  const [status, message] = REFUSALS[code];
  return new HttpError(status, code, message);
}

function header(request: FastifyRequest, name: string): string | null {
  const v = request.headers[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
}

export class DeviceAuth {
  private readonly keys = new Map<string, KeyObject>();
  private readonly nonces = new NonceCache(REPLAY_WINDOW_MS);

  constructor(
    private readonly store: EndpointStore,
    private readonly now: () => number,
    private readonly limiter = new RateLimiter(),
  ) {}

  /** The device's public key, imported once and cached. */
  publicKey(device: DeviceRecord): KeyObject {
    let key = this.keys.get(device.id);
    if (!key) {
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
      key = publicKeyObject(device.publicKey);
      this.keys.set(device.id, key);
    }
    return key;
  }

  /** The signing device, or an HttpError saying why the request is refused. */
  async authenticate(request: FastifyRequest): Promise<DeviceRecord> {
    const id = header(request, AUTH_HEADERS.device);
    const time = header(request, AUTH_HEADERS.time);
    const nonce = header(request, AUTH_HEADERS.nonce);
    const signature = header(request, AUTH_HEADERS.signature);
    if (!id || !time || !nonce || !signature || !NONCE.test(nonce)) throw refuse('unauthenticated');
    const device = await this.store.getDevice(id);
    if (!device) throw refuse('unknown-device');
    // Only an id the store knows goes to the refusal log; a made-up header never does.
    request.claimedDevice = device.id;
    if (device.revokedAt) throw refuse('device-revoked');
    const now = this.now();
    if (!TIME.test(time) || Math.abs(now - Number(time)) > REPLAY_WINDOW_MS)
      throw refuse('stale-request');
    const nonceKey = `${device.id}:${nonce}`;
    if (this.nonces.has(nonceKey, now)) throw refuse('replayed-request');
    const signed = requestSigningText(
      request.method,
      request.url,
      time,
      nonce,
      sha256Text(request.rawBody ?? ''),
    );
    if (!(await verifyText(this.publicKey(device), signature, signed))) {
      throw refuse('bad-signature');
    }
    // Checked again after the awaits: two copies of one request may have raced past `has`.
    const added = this.nonces.add(nonceKey, this.now());
    if (added === 'replayed') throw refuse('replayed-request');
    if (added === 'full') throw refuse('busy');
    const wait = this.limiter.take(device.id, now);
    if (wait > 0) {
      throw new HttpError(
        429,
        'rate-limited',
        `This device is sending too many requests. Nothing has been lost; try again in ${wait} second${wait === 1 ? '' : 's'}.`,
        { 'retry-after': String(wait) },
      );
    }
    if (worthRecording(device.lastSeenAt, now))
      await this.store.touchDevice(device.id, new Date(now).toISOString());
    return device;
  }

  /** A Fastify preHandler that admits only approved devices with one of `roles` (any if none). */
  require(...roles: DeviceRole[]) {
    return this.admit(false, roles);
  }

  /** As require, but a device still waiting for approval is admitted too. */
  allowPending(...roles: DeviceRole[]) {
    return this.admit(true, roles);
  }

  private admit(pendingOk: boolean, roles: DeviceRole[]) {
    return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
      const device = await this.authenticate(request);
      if (!pendingOk && device.approvedAt === null) throw refuse('device-pending');
      if (roles.length > 0 && !roles.includes(device.role)) throw forbidden(roles);
      request.device = device;
    };
  }
}
