import { describe, expect, it } from 'vitest';
import { capturePolicyFrom, FALLBACK_CATEGORIES } from '../../../src/domain/categories.ts';
import { isEvidenceAddedPayload, photoPayloads } from '../../../src/domain/evidence-payload.ts';
import {
  EMPTY_EVIDENCE,
  EVIDENCE_PART_BYTES,
  MAX_PHOTOS,
  type PhotoRef,
} from '../../../src/domain/evidence.ts';
import {
  assertMayAttachPhoto,
  IllegalContentGuardError,
  illegalSuspected,
} from '../../../src/domain/illegal-content.ts';

const plain = { suspectedIllegal: false, category: null, evidence: EMPTY_EVIDENCE };
const flaggedCategory = {
  ...plain,
  category: {
    id: 'iioc',
    label: 'Indecent images',
    area: 'content' as const,
    suspectedIllegal: true,
    dataBreach: false,
  },
};
const ref = (bytes: number): PhotoRef => ({
  id: 'ph1',
  mediaType: 'image/png',
  bytes,
  width: 2,
  height: 2,
  sha256: 'digest',
  addedAt: 'now',
});
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('the illegal-content guard, in the domain', () => {
  it('is on when the teacher marks it or the category is flagged', () => {
    expect(illegalSuspected(plain)).toBe(false);
    expect(illegalSuspected({ ...plain, suspectedIllegal: true })).toBe(true);
    expect(illegalSuspected(flaggedCategory)).toBe(true);
  });

  it('refuses to attach or build any image part for such an incident', () => {
    expect(() => assertMayAttachPhoto(plain)).not.toThrow();
    expect(() => assertMayAttachPhoto({ ...plain, suspectedIllegal: true })).toThrow(
      IllegalContentGuardError,
    );
    expect(() => photoPayloads('inc', flaggedCategory, ref(3), new Uint8Array(3), hex)).toThrow(
      IllegalContentGuardError,
    );
  });

  it('refuses an eleventh photo', () => {
    const photos = Array.from({ length: MAX_PHOTOS }, () => ref(1));
    expect(() =>
      assertMayAttachPhoto({ ...plain, evidence: { ...EMPTY_EVIDENCE, photos } }),
    ).toThrow(/at most 10/);
  });
});

describe('photoPayloads', () => {
  it('splits a photo into parts that each say where they belong', () => {
    const bytes = new Uint8Array(EVIDENCE_PART_BYTES * 2 + 5).map((_, i) => i % 251);
    const parts = photoPayloads('inc1', plain, ref(bytes.length), bytes, hex);
    expect(parts.map((p) => [p.part, p.parts, p.data.length / 2])).toEqual([
      [0, 3, EVIDENCE_PART_BYTES],
      [1, 3, EVIDENCE_PART_BYTES],
      [2, 3, 5],
    ]);
    expect(
      parts.every(
        (p) => p.incidentId === 'inc1' && p.evidenceId === 'ph1' && p.sha256 === 'digest',
      ),
    ).toBe(true);
    expect(parts.map((p) => p.data).join('')).toBe(hex(bytes));
    expect(parts.every(isEvidenceAddedPayload)).toBe(true);
  });

  it('refuses bytes that are not the photo recorded', () => {
    expect(() => photoPayloads('inc', plain, ref(4), new Uint8Array(3), hex)).toThrow(
      /not the one recorded/,
    );
  });

  it.each([
    ['a part number past the count', { part: 3, parts: 3 }],
    ['an unsupported type', { mediaType: 'image/svg+xml' }],
    ['no data', { data: 7 }],
  ])('does not accept a received part with %s', (_case, change) => {
    const [good] = photoPayloads('inc', plain, ref(3), new Uint8Array(3), hex);
    expect(isEvidenceAddedPayload({ ...good, ...change })).toBe(false);
  });
});

describe('capturePolicyFrom', () => {
  it('reads the pack schema’s categories (risk and flags) and settings', () => {
    const policy = capturePolicyFrom({
      categories: [
        { id: 'bully', label: 'Cyberbullying', risk: 'conduct', flags: [] },
        {
          id: 'iioc',
          label: 'Suspected illegal material',
          risk: 'content',
          flags: ['suspectedIllegal'],
        },
        { id: 'virus', label: 'Virus', risk: null, flags: ['dataBreach'] },
        { id: 'broken', risk: 'content' },
        { id: 'odd', label: 'Odd', risk: 'cash', flags: [] },
      ],
      settings: { rosterRetentionDays: 3, maxPhotoBytes: 1_000_000, unsentWarningHours: 12 },
    });
    expect(policy).toEqual({
      categories: [
        {
          id: 'bully',
          label: 'Cyberbullying',
          area: 'conduct',
          suspectedIllegal: false,
          dataBreach: false,
        },
        {
          id: 'iioc',
          label: 'Suspected illegal material',
          area: 'content',
          suspectedIllegal: true,
          dataBreach: false,
        },
        { id: 'virus', label: 'Virus', area: null, suspectedIllegal: false, dataBreach: true },
      ],
      rosterRetentionDays: 3,
      maxPhotoBytes: 1_000_000,
      unsentWarningHours: 12,
      source: 'pack',
    });
  });

  it('falls back to the four Cs and the defaults when there is no usable pack', () => {
    for (const pack of [null, {}, { categories: 'nope', settings: { rosterRetentionDays: -1 } }]) {
      expect(capturePolicyFrom(pack)).toMatchObject({
        categories: FALLBACK_CATEGORIES,
        rosterRetentionDays: 7,
        maxPhotoBytes: 2 * 1024 * 1024,
        source: 'fallback',
      });
    }
  });
});
