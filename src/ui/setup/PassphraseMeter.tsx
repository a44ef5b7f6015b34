import { passphraseStrength } from '../../crypto/passphrase-strength.ts';

/** Strength in words and bars (never colour alone), announced politely as it changes. */
export function PassphraseMeter({ passphrase }: { passphrase: string }) {
  if (!passphrase) return null;
  const s = passphraseStrength(passphrase);
  return (
    <div class="field" aria-live="polite">
      <div class="meter" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} class={s.score >= i ? 'on' : ''} />
        ))}
      </div>
      <p class="hint">
        Strength: <strong>{s.label}</strong>. {s.advice}
      </p>
    </div>
  );
}
