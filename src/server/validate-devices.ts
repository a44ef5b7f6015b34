/**
 * Pure checks for the device-lifecycle requests: enrollment-code options, a device's
 * outbox report, and the ids and versions in route parameters. Like validate.ts, each
 * returns the typed value or throws an HttpError saying in plain words what is wrong.
 */
import type { DeviceStatusReport, EnrollmentRole } from '../sync/protocol.ts';
import { HttpError } from './errors.ts';
import { checkCodeTtl, checkName, isId, isObject } from './validate.ts';

const bad = (message: string, code = 'invalid-request') => new HttpError(400, code, message);

export interface CodeRequest {
  ttlMinutes: number;
  role: EnrollmentRole;
  personName: string | null;
}

/** POST enrollment-codes: no body, `{}`, or any of {ttlMinutes, role, name}. */
export function checkCodeRequest(body: unknown): CodeRequest {
  if (body !== undefined && !isObject(body)) throw bad('The request must be a JSON object.');
  const ttlMinutes = checkCodeTtl(body);
  const fields = isObject(body) ? body : {};
  const role = fields.role ?? 'tablet';
  if (role !== 'tablet' && role !== 'dsl' && role !== 'office')
    throw bad('"role" must be "tablet", "dsl" or "office".');
  if (fields.name === undefined) return { ttlMinutes, role, personName: null };
  if (role !== 'dsl') throw bad('A name is given only with a code for a safeguarding lead.');
  const personName = checkName(fields.name, 'The safeguarding lead’s name', 200);
  return { ttlMinutes, role, personName };
}

/** Most records a device may say it has queued: far beyond any real outbox, but bounded. */
export const MAX_QUEUED = 1_000_000;

export function checkStatusReport(body: unknown): DeviceStatusReport {
  if (!isObject(body)) throw bad('The status report must be a JSON object.');
  const { queued, oldestQueuedAt } = body;
  if (!Number.isSafeInteger(queued) || (queued as number) < 0 || (queued as number) > MAX_QUEUED)
    throw bad(`"queued" must be a whole number from 0 to ${MAX_QUEUED}.`);
  if (oldestQueuedAt === null) return { queued: queued as number, oldestQueuedAt: null };
  // Re-encoded, so only a real date in one fixed form is ever stored or shown.
  const time =
    typeof oldestQueuedAt === 'string' && oldestQueuedAt.length <= 40
      ? Date.parse(oldestQueuedAt)
      : NaN;
  if (Number.isNaN(time)) throw bad('"oldestQueuedAt" must be an ISO date and time, or null.');
  return { queued: queued as number, oldestQueuedAt: new Date(time).toISOString() };
}

/** The :id of a device route; anything that cannot be a device id is no such device. */
export function checkDeviceIdParam(params: unknown): string {
  const id = isObject(params) ? params.id : undefined;
  if (!isId(id)) throw noSuchDevice();
  return id;
}

export function noSuchDevice(): HttpError {
  return new HttpError(404, 'no-such-device', 'There is no such device in this school.');
}

export function checkVersionParam(params: unknown): number {
  const raw = isObject(params) ? params.version : undefined;
  const version = typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(version))
    throw bad('The version must be a whole number from 1 upwards.', 'invalid-request');
  return version;
}
