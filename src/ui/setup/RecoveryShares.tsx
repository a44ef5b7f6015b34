import { useState } from 'preact/hooks';
import { splitRecoveryKey } from '../../crypto/recovery-shares.ts';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';

const HOLDERS = ['the head teacher', 'the data protection officer', 'the chair of governors'];

/**
 * Splits the break-glass key into three printed shares, any two of which rebuild it, so no
 * single person can open records alone and losing one share loses nothing.
 */
export function RecoveryShares({ recoveryKey, kid }: { recoveryKey: string; kid: string }) {
  const [shares, setShares] = useState<string[] | null>(null);
  const [failure, setFailure] = useState('');
  const split = async () => {
    try {
      setShares(await splitRecoveryKey(recoveryKey, kid, 2, 3));
    } catch (e) {
      setFailure(plainError(e));
    }
  };
  if (!shares) {
    return (
      <div class="card no-print">
        <h2>Split it between three people (recommended)</h2>
        <p>
          Print three shares instead of one key: any two of them open the records, one alone opens
          nothing.
        </p>
        {failure && <Notice tone="bad">{failure}</Notice>}
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void split()}>
            Split into 3 shares (any 2 open it)
          </button>
        </div>
      </div>
    );
  }
  return (
    <section aria-labelledby="shares-title">
      <h2 id="shares-title">Recovery shares: any two rebuild the key</h2>
      {shares.map((share, i) => (
        <div class="card" key={i}>
          <h3>
            Share {i + 1} of 3, for {HOLDERS[i]}
          </h3>
          <pre class="mono recovery-key" data-testid="recovery-share">
            {share}
          </pre>
          <p class="muted">OFFICIAL-SENSITIVE. Keep it locked away, apart from the other shares.</p>
        </div>
      ))}
    </section>
  );
}
