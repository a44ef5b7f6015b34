import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { formatEnrollmentLink } from '../../sync/enrollment-link.ts';
import type { DeviceInfo } from '../../sync/protocol.ts';
import type { SignedRecipientSet } from '../../sync/recipient-set.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { displayKeyId } from './key-id.ts';
import { approveLead, currentSet, removeLead, type LeadsContext } from './leads.ts';
import { QrCode } from './QrCode.tsx';
import { useConsoleApi } from './use-console-api.ts';

/** Who can read the school's records: the safeguarding leads and the break-glass key. */
export function LeadsPanel() {
  const session = useSession();
  const api = useConsoleApi();
  const dsl = session.dsl!;
  const ctx: LeadsContext = useMemo(
    () => ({ db: session.db, api, keys: dsl.keys, dslName: dsl.name }),
    [session.db, api, dsl],
  );
  const [set, setSet] = useState<SignedRecipientSet | null>(null);
  const [devices, setDevices] = useState<DeviceInfo[]>([]);
  const [inviteName, setInviteName] = useState('');
  const [invite, setInvite] = useState<{ link: string; code: string } | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setSet(await currentSet(ctx));
      setDevices((await api.listDevices()).devices);
    } catch (e) {
      setFailure(plainError(e));
    }
  }, [ctx, api]);
  useEffect(() => void refresh(), [refresh]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setFailure('');
    setMessage('');
    try {
      setMessage(await work());
      await refresh();
    } catch (e) {
      setFailure(plainError(e));
    } finally {
      setBusy(false);
    }
  };

  const createInvite = (e: Event) => {
    e.preventDefault();
    if (!inviteName.trim()) return setFailure('Enter the name of the person you are adding.');
    void run(async () => {
      const { code } = await api.createEnrollmentCode({ role: 'dsl', name: inviteName.trim() });
      const device = session.device!;
      setInvite({
        code,
        link: formatEnrollmentLink(
          { endpoint: device.endpoint, code, fingerprint: device.pinnedFingerprint },
          '/join',
        ),
      });
      return `Give this link to ${inviteName.trim()} only. It works once.`;
    });
  };

  const approve = (d: DeviceInfo) => {
    const kid = d.readerKey ? displayKeyId(d.readerKey.kid) : '(none)';
    if (
      !window.confirm(
        `Approve ${d.personName ?? d.name} as a safeguarding lead?\n\nFirst check that their screen shows the key id:\n${kid}\n\nThey will be able to read every record this console can open.`,
      )
    )
      return;
    void run(async () => {
      const r = await approveLead(ctx, d, dsl.keys.signingJwk ?? null);
      return `${d.personName ?? d.name} is now a safeguarding lead. ${r.granted} earlier ${r.granted === 1 ? 'record was' : 'records were'} shared with them${r.refused.length ? `; ${r.refused.length} could not be` : ''}.`;
    });
  };

  const remove = (kid: string, name: string) => {
    if (
      !window.confirm(
        `Remove ${name}? New records will no longer be sealed to them and their devices are revoked. They keep anything they have already opened or saved.`,
      )
    )
      return;
    void run(async () => {
      await removeLead(ctx, kid, devices);
      return `${name} has been removed. New records are sealed only to the remaining leads.`;
    });
  };

  const pending = devices.filter((d) => d.role === 'dsl' && d.status === 'pending');
  return (
    <section class="card" aria-labelledby="leads-title">
      <h2 id="leads-title">Safeguarding leads</h2>
      {failure && <Notice tone="bad">{failure}</Notice>}
      {message && <Notice tone="ok">{message}</Notice>}
      {set && (
        <>
          <p class="muted">Records are sealed to these keys (list version {set.version}).</p>
          <ul class="list" aria-label="Readers of new records">
            {set.readers.map((r) => (
              <li key={r.kid}>
                <span>
                  <strong>{r.name}</strong>{' '}
                  <span class="muted">
                    ({r.role === 'dsl' ? 'safeguarding lead' : 'break-glass recovery key'}, key{' '}
                    {displayKeyId(r.kid)})
                  </span>
                </span>
                {r.role === 'dsl' && r.kid !== dsl.keys.reader.kid && (
                  <button
                    type="button"
                    class="danger"
                    disabled={busy}
                    onClick={() => remove(r.kid, r.name)}
                    aria-label={`Remove ${r.name}`}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {pending.length > 0 && (
        <>
          <h3>Waiting for approval</h3>
          <ul class="list" aria-label="Leads waiting for approval">
            {pending.map((d) => (
              <li key={d.id}>
                <span>
                  <strong>{d.personName ?? d.name}</strong>{' '}
                  <span class="muted">
                    key {d.readerKey ? displayKeyId(d.readerKey.kid) : 'missing'}
                  </span>
                </span>
                <button
                  type="button"
                  disabled={busy || !d.readerKey}
                  onClick={() => approve(d)}
                  aria-label={`Approve ${d.personName ?? d.name}`}
                >
                  Approve
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Add a safeguarding lead</h3>
      <form onSubmit={createInvite} noValidate>
        <Field label="Their name" value={inviteName} onInput={setInviteName} autoComplete="off" />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Create a link for them
          </button>
        </div>
      </form>
      {invite && (
        <div>
          <QrCode text={invite.link} label={`QR code for the lead’s link ${invite.code}`} />
          <label class="field" for="lead-link">
            <span>Link for the new lead</span>
            <input
              id="lead-link"
              readOnly
              value={invite.link}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
        </div>
      )}
    </section>
  );
}
