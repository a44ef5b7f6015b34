import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { decryptDslBundle } from '../../crypto/dsl-keys.ts';
import { createApiClient } from '../../sync/api-client.ts';
import { getDslVault } from '../../storage/vault-repo.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { adoptSigningKey } from './adopt-signing-key.ts';
import { BreakGlass } from './BreakGlass.tsx';
import { bundleOf } from './vault-bundle.ts';

/** The console opens only after the DSL's passphrase unlocks their keys (in memory only). */
export function DslGate({ children }: { children: ComponentChildren }) {
  const session = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [breakGlass, setBreakGlass] = useState(false);
  // After any session ends (including a break-glass one), the next unlock starts at the passphrase.
  useEffect(() => {
    if (session.dsl) setBreakGlass(false);
  }, [session.dsl]);
  if (session.dsl) return <>{children}</>;
  if (breakGlass) return <BreakGlass onCancel={() => setBreakGlass(false)} />;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const vault = await getDslVault(session.db);
      const device = session.device;
      if (!vault || !device) {
        throw new Error(
          'This browser holds no DSL keys. Use the browser where you set up or joined.',
        );
      }
      const unlocked = await decryptDslBundle(bundleOf(vault), passphrase);
      const api = createApiClient({
        endpoint: device.endpoint,
        device: { deviceId: device.deviceId, signingKey: device.signingKey },
      });
      const keys = await adoptSigningKey(session.db, api, unlocked, passphrase, vault).catch(
        () => unlocked,
      );
      setPassphrase('');
      session.setDsl({ name: vault.dslName, keys });
    } catch (err) {
      setError(plainError(err));
    } finally {
      // The gate stays mounted while unlocked, so the next lock must find it ready again.
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
      <p>
        Every safeguarding lead’s passphrase lost?{' '}
        <button type="button" class="secondary" onClick={() => setBreakGlass(true)}>
          Use the break-glass recovery shares
        </button>
      </p>
    </>
  );
}
