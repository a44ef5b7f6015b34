import { useState } from 'preact/hooks';
import { usePolicy } from '../app/policy.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { useConsoleApi } from './use-console-api.ts';

/**
 * The school's procedures as data: which policy pack the devices use, and replacing it with
 * an edited pack. The file is checked here first (the same checker as `npm run
 * policy:check`, with the path of every problem) and again by the endpoint.
 */
export function PolicyPanel() {
  const policy = usePolicy();
  const api = useConsoleApi();
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setMessage('');
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new Error('That file is not JSON. Export the pack again and choose the .json file.');
      }
      const { checkPack } = await import('../../policy/check-pack.ts');
      const result = checkPack(json);
      if (!result.ok) {
        setErrors(result.errors.map((e) => `${e.path}: ${e.message}`));
        return;
      }
      await api.putPolicy(JSON.stringify(result.pack));
      await policy.refresh();
      setMessage(
        `“${result.pack.name}” version ${result.pack.version} is now the school’s policy pack. Devices pick it up when they next connect.`,
      );
    } catch (e) {
      setErrors([plainError(e)]);
    } finally {
      setBusy(false);
    }
  };

  const pack = policy.pack;
  return (
    <section class="card" aria-labelledby="policy-title">
      <h2 id="policy-title">Policy pack</h2>
      <p data-testid="policy-version">
        {pack ? `${pack.name}, version ${pack.version}` : 'The default pack from the seed policies'}
        {policy.fetchedAt ? ` (fetched ${new Date(policy.fetchedAt).toLocaleString('en-GB')})` : ''}
        . Locks after {policy.settings.idleLockMinutes}{' '}
        {policy.settings.idleLockMinutes === 1 ? 'minute' : 'minutes'} idle.
      </p>
      {message && <Notice tone="ok">{message}</Notice>}
      {errors.length > 0 && (
        <Notice tone="bad" title="The pack was not replaced">
          <ul>
            {errors.slice(0, 20).map((e) => (
              <li key={e} class="mono">
                {e}
              </li>
            ))}
          </ul>
          {errors.length > 20 && <p>…and {errors.length - 20} more.</p>}
        </Notice>
      )}
      <div class="field">
        <label for="policy-file">Replace it with a policy pack file (.json)</label>
        <input
          id="policy-file"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void upload(e.currentTarget.files?.[0])}
        />
      </div>
    </section>
  );
}
