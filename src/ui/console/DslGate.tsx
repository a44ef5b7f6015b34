import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { decryptDslBundle } from '../../crypto/dsl-keys.ts';
import { getDslVault } from '../../storage/vault-repo.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';

/** The console opens only after the DSL's passphrase unlocks their keys (in memory only). */
export function DslGate({ children }: { children: ComponentChildren }) {
  const session = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (session.dsl) return <>{children}</>;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const vault = await getDslVault(session.db);
      if (!vault)
        throw new Error(
          'This browser holds no DSL keys. Set up the school here, or use the browser where it was set up.',
        );
      const keys = await decryptDslBundle(
        { salt: vault.salt, iterations: vault.iterations, ...vault.wrapped },
        passphrase,
      );
      setPassphrase('');
      session.setDsl({ name: vault.dslName, keys });
    } catch (err) {
      setError(plainError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Unlock the safeguarding console</h1>
      <form class="card" onSubmit={submit} noValidate>
        <Field
          label="Your passphrase"
          type="password"
          value={passphrase}
          onInput={setPassphrase}
          error={error || undefined}
          autoComplete="current-password"
        />
        <div class="actions">
          <button type="submit" disabled={busy || !passphrase}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </>
  );
}
