/**
 * A simple, explainable passphrase check. The seed policies ask for long passwords mixing
 * kinds of character; we favour length (a passphrase of several words) and say why.
 */
export interface StrengthResult {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  acceptable: boolean;
  advice: string;
}

export const MIN_PASSPHRASE_LENGTH = 12;

export function passphraseStrength(p: string): StrengthResult {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const unique = new Set(p).size;
  if (p.length < MIN_PASSPHRASE_LENGTH) {
    return {
      score: 0,
      label: 'Too short',
      acceptable: false,
      advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; several unrelated words work well.`,
    };
  }
  let score = 1;
  if (p.length >= 16) score++;
  if (p.length >= 20 || kinds >= 3) score++;
  if (kinds >= 3 && p.length >= 16) score++;
  if (unique < 6) score = 1;
  const labels = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'] as const;
  const s = Math.min(score, 4) as StrengthResult['score'];
  return {
    score: s,
    label: labels[s],
    acceptable: s >= 2,
    advice:
      s >= 3
        ? 'A good passphrase. Keep it private and do not reuse it.'
        : 'Make it longer, or mix capitals, digits and symbols.',
  };
}
