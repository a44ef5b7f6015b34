/**
 * Checks a received `incident.created` payload before the console shows it: the four fields
 * every version has, and every later part either absent (a record from an earlier version)
 * or of the right shape. Nothing is trusted because it decrypted.
 */
import { isPhotoType } from './evidence.ts';
import { CATEGORY_AREAS, PROTECTIVE_MARKINGS, type IncidentCreatedPayload } from './incident.ts';
import { isPersonKind, isPersonRole } from './people.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const allStrings = (o: Record<string, unknown>, keys: string[]) =>
  keys.every((k) => isString(o[k]));
const arrayOf = (v: unknown, ok: (x: unknown) => boolean) => Array.isArray(v) && v.every(ok);

const isCategory = (v: unknown) =>
  v === null ||
  (isObject(v) &&
    allStrings(v, ['id', 'label']) &&
    (v.area === null || (CATEGORY_AREAS as unknown[]).includes(v.area)) &&
    typeof v.suspectedIllegal === 'boolean' &&
    typeof v.dataBreach === 'boolean');
const isPerson = (v: unknown) =>
  isObject(v) &&
  allStrings(v, ['id', 'name', 'yearGroup', 'rosterPupilId']) &&
  (v.role === '' || isPersonRole(v.role)) &&
  isPersonKind(v.kind);
const isAction = (v: unknown) => isObject(v) && allStrings(v, ['id', 'what', 'by', 'when']);
const isTold = (v: unknown) =>
  isObject(v) &&
  allStrings(v, ['dslName', 'dslToldAt', 'others']) &&
  ['yes', 'no', ''].includes(v.dslToldVerbally as string);
const isDevice = (v: unknown) =>
  isObject(v) && allStrings(v, ['id', 'description', 'takenBy', 'takenAt', 'keptAt']);
const isPhoto = (v: unknown) =>
  isObject(v) &&
  allStrings(v, ['id', 'sha256', 'addedAt']) &&
  isPhotoType(v.mediaType) &&
  [v.bytes, v.width, v.height].every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
const isEvidence = (v: unknown) =>
  isObject(v) &&
  allStrings(v, ['notes', 'webAddresses']) &&
  arrayOf(v.devices, isDevice) &&
  arrayOf(v.photos, isPhoto);

/** Each optional part of the record, and the check its value must pass when present. */
const OPTIONAL_PARTS: Record<string, (v: unknown) => boolean> = {
  trip: isString,
  childWords: isString,
  category: isCategory,
  people: (v) => arrayOf(v, isPerson),
  actions: (v) => arrayOf(v, isAction),
  told: isTold,
  marking: (v) => (PROTECTIVE_MARKINGS as readonly unknown[]).includes(v),
  suspectedIllegal: (v) => typeof v === 'boolean',
  evidence: isEvidence,
};

/**
 * Whether `value` holds a readable record: the four fields every version has, and every
 * later part either absent (a record from an earlier version) or of the right shape.
 */
export function isIncidentFields(value: unknown): boolean {
  if (!isObject(value) || !allStrings(value, ['what', 'when', 'where', 'reportedBy'])) return false;
  return Object.entries(OPTIONAL_PARTS).every(
    ([key, ok]) => value[key] === undefined || ok(value[key]),
  );
}

/** Accepts the spine's four-field record and the full one. */
export function isIncidentCreatedPayload(value: unknown): value is IncidentCreatedPayload {
  const v = value as Partial<IncidentCreatedPayload> | null;
  if (typeof v !== 'object' || v === null || v.type !== 'incident.created') return false;
  return (
    typeof v.incidentId === 'string' &&
    typeof v.recordedAt === 'string' &&
    typeof v.recordedBy === 'string' &&
    isIncidentFields(v.fields)
  );
}
