/**
 * Holds the transcription to the seed policies' words: every rule of every rule set, and
 * every step of the Belmont "What we do if?" scenarios, must appear in its seed file
 * (comparing letters and digits only, so line breaks, bullets, quotes and bold marks in the
 * plain-text export do not matter). The few deliberate edits are listed with their reason.
 * The seeds live in shared/seeds beside the repository (CI has them there too); without them
 * this file fails with a message saying where it looked, rather than skipping silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS } from '../../../src/policy/default-pack/build.ts';
import { defaultPack } from '../../../src/policy/default-pack/index.ts';
import type { PolicyName } from '../../../src/policy/pack-schema.ts';

const SEED_DIR = new URL('../../../../shared/seeds/', import.meta.url);
if (!existsSync(SEED_DIR)) {
  throw new Error(`The seed policies are missing: expected them at ${SEED_DIR.pathname}`);
}

/** Texts changed on purpose, and why. */
const DELIBERATE_EDITS: Record<string, string> = {
  'whiston-staff-aup/r23':
    'names of the school’s child protection officers removed from the default pack',
  'gracefield-smile-poster/r3': 'the seed’s typo "my not be telling the truth" corrected to "may"',
};

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[^a-z0-9]/g, '');

const seedText = new Map<string, string>();
function seed(policy: PolicyName): string {
  if (!seedText.has(policy)) {
    const file = SEEDS[policy as Exclude<PolicyName, 'school'>];
    seedText.set(policy, normalise(readFileSync(new URL(file, SEED_DIR), 'utf8')));
  }
  return seedText.get(policy)!;
}

describe('the default pack keeps the seed wording', () => {
  it.each(defaultPack.ruleSets.map((set) => [set.id, set] as const))('rule set %s', (_id, set) => {
    const text = seed(set.source.policy);
    const missing = set.rules.filter((rule) => {
      if (DELIBERATE_EDITS[`${set.id}/${rule.id}`]) return false;
      const parts = [rule.text, ...(rule.title && rule.title.length > 1 ? [rule.title] : [])];
      return parts.some((part) => !text.includes(normalise(part)));
    });
    expect(missing.map((rule) => `${rule.id}: ${rule.text}`)).toEqual([]);
  });

  it('Belmont scenarios, step by step', () => {
    const text = seed('belmont');
    const missing = defaultPack.scenarios
      .filter((s) => s.source.policy === 'belmont')
      .flatMap((s) => [
        s.title,
        ...s.steps.flatMap((step) => [step.text, ...(step.substeps ?? []).map((x) => x.text)]),
      ])
      .filter((line) => !text.includes(normalise(line)));
    expect(missing).toEqual([]);
  });

  it('lists only deliberate edits that are still needed', () => {
    for (const key of Object.keys(DELIBERATE_EDITS)) {
      const [setId, ruleId] = key.split('/');
      const set = defaultPack.ruleSets.find((s) => s.id === setId)!;
      const rule = set.rules.find((r) => r.id === ruleId)!;
      expect(seed(set.source.policy).includes(normalise(rule.text))).toBe(false);
    }
  });
});
