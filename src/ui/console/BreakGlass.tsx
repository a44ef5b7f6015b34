import { useState } from 'preact/hooks';
import { importReaderPrivate } from '../../crypto/hpke.ts';
import { recoverFromShares } from '../../crypto/recovery-shares.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';

/**
 * Break-glass: when every DSL's passphrase is lost, two of the three printed recovery shares
 * rebuild the recovery key, which opens every record for this session only (it is never
 * stored). Checked against the recovery key id in the school's signed recipient set.
 */
export function BreakGlass({ onCancel }: { onCancel: () => void }) {
  const session = useSession();
  const [texts, setTexts] = useState(['', '', '']);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const recovery = session.device?.recipientSet.readers.find((r) => r.role === 'recovery');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!recovery || !session.device) return setError('This school has no recovery key on record.');
    setBusy(true);
    setError('');
    try {
      const key = await recoverFromShares(texts, recovery.kid);
      const privateKey = await importReaderPrivate(key);
      setTexts(['', '', '']);
      session.setDsl({
        name: 'Break-glass recovery',
        keys: { schoolId: session.device.schoolId, reader: { kid: recovery.kid, privateKey } },
      });
    } catch (err) {
      setError(plainError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Open records with the recovery shares</h1>
      <p>
        Use this only if every safeguarding lead’s passphrase is lost. Type two of the three printed
        shares exactly, line by line.
      </p>
      {error && <Notice tone="bad">{error}</Notice>}
      <form class="card" onSubmit={submit} noValidate>
        {texts.map((t, i) => (
          <div class="field" key={i}>
            <label for={`share-${i}`}>
              Share {i + 1}
              {i === 2 ? ' (only if one of the others will not work)' : ''}
            </label>
            <textarea
              id={`share-${i}`}
              value={t}
              spellcheck={false}
              autoComplete="off"
              onInput={(e) =>
                setTexts((all) => all.map((x, j) => (j === i ? e.currentTarget.value : x)))
              }
            />
          </div>
        ))}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Open records'}
          </button>
          <button type="button" class="secondary" onClick={onCancel}>
            Back
          </button>
        </div>
      </form>
    </>
  );
}
