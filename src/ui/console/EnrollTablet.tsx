import { useState } from 'preact/hooks';
import { createApiClient } from '../../sync/api-client.ts';
import { formatEnrollmentLink } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { QrCode } from './QrCode.tsx';

/** Creates a one-time enrollment code, as a QR code and as a link to paste. */
export function EnrollTablet() {
  const { device } = useSession();
  const [ticket, setTicket] = useState<{ link: string; code: string; expiresAt: string } | null>(
    null,
  );
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (!device) return;
    setBusy(true);
    setFailure('');
    try {
      const api = createApiClient({
        endpoint: device.endpoint,
        device: { deviceId: device.deviceId, signingKey: device.signingKey },
      });
      const { code, expiresAt } = await api.createEnrollmentCode();
      setTicket({
        code,
        expiresAt,
        link: formatEnrollmentLink({
          endpoint: device.endpoint,
          code,
          fingerprint: device.pinnedFingerprint,
        }),
      });
    } catch (e) {
      setFailure(plainError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="enroll-title">
      <h2 id="enroll-title">Enroll a tablet</h2>
      <p>
        Each code works once, on one tablet, and expires after a day. It also carries this school’s
        key fingerprint, so the tablet will refuse an impostor endpoint.
      </p>
      {failure && <Notice tone="bad">{failure}</Notice>}
      {ticket && (
        <div>
          <QrCode text={ticket.link} label={`QR code for enrollment code ${ticket.code}`} />
          <p>
            One-time code:{' '}
            <strong class="mono" data-testid="enrollment-code">
              {ticket.code}
            </strong>{' '}
            (expires {new Date(ticket.expiresAt).toLocaleString('en-GB')})
          </p>
          <label class="field" for="enroll-link">
            <span>Enrollment link (paste it on the tablet)</span>
            <input
              id="enroll-link"
              readOnly
              value={ticket.link}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => void create()} disabled={busy}>
          {busy ? 'Creating…' : ticket ? 'Create another code' : 'Create an enrollment code'}
        </button>
      </div>
    </section>
  );
}
