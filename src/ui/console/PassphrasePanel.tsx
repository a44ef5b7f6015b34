import { useState } from 'preact/hooks';
import { rewrapDslBundle } from '../../crypto/dsl-keys.ts';
import { getDslVault, saveDslVault } from '../../storage/vault-repo.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PassphraseMeter } from '../setup/PassphraseMeter.tsx';
import { useConsoleApi } from './use-console-api.ts';
import { bundleOf, vaultOf } from './vault-bundle.ts';

/**
 * Changing the DSL's passphrase re-wraps the same keys under the new one, on this browser
 * and in the endpoint's backup. A passphrase that may have leaked needs new keys instead.
 */
export function PassphrasePanel() {
  const { db } = useSession();
  const api = useConsoleApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setDone('');
    if (next !== confirm) return setError('The two new passphrases are different.');
    setBusy(true);
    try {
      const vault = await getDslVault(db);
      if (!vault) throw new Error('This browser holds no DSL keys.');
      const rewrapped = await rewrapDslBundle(bundleOf(vault), current, next);
      await saveDslVault(db, vaultOf(rewrapped, vault));
      await api.putKeyBackup(rewrapped);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone('Your passphrase has been changed here and in the endpoint’s encrypted backup.');
    } catch (err) {
      setError(plainError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">Change your passphrase</h2>
      {done && <Notice tone="ok">{done}</Notice>}
      {error && <Notice tone="bad">{error}</Notice>}
      <form onSubmit={submit} noValidate>
        <Field
          label="Current passphrase"
          type="password"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
        />
        <Field
          label="New passphrase"
          type="password"
          value={next}
          onInput={setNext}
          autoComplete="new-password"
        />
        <PassphraseMeter passphrase={next} />
        <Field
          label="New passphrase again"
          type="password"
          value={confirm}
          onInput={setConfirm}
          autoComplete="new-password"
        />
        <div class="actions">
          <button type="submit" class="secondary" disabled={busy || !current || !next}>
            {busy ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </section>
  );
}
