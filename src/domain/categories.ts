/**
 * Incident categories and the few capture settings a policy pack supplies, read from a pack
 * without trusting its shape: entries that are not usable categories are skipped, and a
 * pack with none falls back to the four areas of risk, so a teacher can always record.
 * Accepts the pack schema's form (`risk`, `flags: [...]`) and a flat one (`area`, booleans).
 */
import { CATEGORY_AREAS, type CategoryArea, type CategoryOption } from './incident.ts';
import { MAX_PHOTO_BYTES } from './evidence.ts';

/** Days after a trip's last day that its roster is kept (until the policy pack says otherwise). */
export const DEFAULT_ROSTER_RETENTION_DAYS = 7;

export interface CapturePolicy {
  categories: CategoryOption[];
  rosterRetentionDays: number;
  maxPhotoBytes: number;
  /** Warn when records have waited this long to be sent. */
  unsentWarningHours: number;
  /** Where the categories came from: the school's pack, or the built-in fallback. */
  source: 'pack' | 'fallback';
}

/** Only when no policy pack can be read: the four Cs, so nothing blocks recording. */
export const FALLBACK_CATEGORIES: CategoryOption[] = [
  {
    id: 'content',
    label: 'Content: something harmful or inappropriate seen online',
    area: 'content',
  },
  { id: 'contact', label: 'Contact: harmful contact from someone online', area: 'contact' },
  {
    id: 'conduct',
    label: 'Conduct: behaviour online, such as bullying or sharing images',
    area: 'conduct',
  },
  {
    id: 'commerce',
    label: 'Commerce: scams, gambling, or risks to money or data',
    area: 'commerce',
  },
];

export const DEFAULT_CAPTURE_POLICY: CapturePolicy = {
  categories: FALLBACK_CATEGORIES,
  rosterRetentionDays: DEFAULT_ROSTER_RETENTION_DAYS,
  maxPhotoBytes: MAX_PHOTO_BYTES,
  unsentWarningHours: 24,
  source: 'fallback',
};

const isArea = (v: unknown): v is CategoryArea => (CATEGORY_AREAS as unknown[]).includes(v);

function toOption(raw: unknown): CategoryOption | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Record<string, unknown>;
  if (typeof c.id !== 'string' || !c.id || typeof c.label !== 'string' || !c.label) return null;
  const area = c.area ?? c.risk ?? null;
  if (area !== null && !isArea(area)) return null;
  const flags = Array.isArray(c.flags) ? c.flags : [];
  return {
    id: c.id,
    label: c.label,
    area,
    suspectedIllegal: c.suspectedIllegal === true || flags.includes('suspectedIllegal'),
    dataBreach: c.dataBreach === true || flags.includes('dataBreach'),
  };
}

const positiveInt = (v: unknown, fallback: number) =>
  Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : fallback;

/** The capture policy a pack describes, defaults filling whatever it lacks. */
export function capturePolicyFrom(pack: unknown): CapturePolicy {
  const p = (typeof pack === 'object' && pack !== null ? pack : {}) as Record<string, unknown>;
  const s = (typeof p.settings === 'object' && p.settings !== null ? p.settings : {}) as Record<
    string,
    unknown
  >;
  const categories = (Array.isArray(p.categories) ? p.categories : [])
    .map(toOption)
    .filter((c): c is CategoryOption => c !== null);
  const d = DEFAULT_CAPTURE_POLICY;
  return {
    categories: categories.length ? categories : FALLBACK_CATEGORIES,
    rosterRetentionDays: positiveInt(s.rosterRetentionDays, d.rosterRetentionDays),
    maxPhotoBytes: positiveInt(s.maxPhotoBytes, d.maxPhotoBytes),
    unsentWarningHours: positiveInt(s.unsentWarningHours, d.unsentWarningHours),
    source: categories.length ? 'pack' : 'fallback',
  };
}
