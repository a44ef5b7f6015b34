import { useState } from 'preact/hooks';
import { createApiClient } from '../../sync/api-client.ts';
import { formatEnrollmentLink } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { QrCode } from './QrCode.tsx';

/** What a code from this panel enrols: a staff tablet, or the school office's computer. */
type Kind = 'tablet' | 'office';

const KINDS: readonly (readonly [Kind, string])[] = [
  ['tablet', 'A teacher’s tablet'],
  ['office', 'The school office’s computer'],
];

const PASTE_ON: Record<Kind, string> = { tablet: 'the tablet', office: 'the office computer' };

/**
 * Creates a one-time enrollment code, as a QR code and as a link to paste. A DSL chooses
 * between a teacher's tablet and the school office's computer (which sees devices, never
 * records); the office's computer itself creates tablet codes only.
 */
export function EnrollTablet() {
  const { device } = useSession();
  const canEnrolOffice = device?.role === 'dsl';
  const [kind, setKind] = useState<Kind>('tablet');
  const [ticket, setTicket] = useState<{
    link: string;
    code: string;
    expiresAt: string;
    kind: Kind;
  } | null>(null);
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
      const role: Kind = canEnrolOffice ? kind : 'tablet';
      const { code, expiresAt } = await api.createEnrollmentCode(
        role === 'office' ? { role } : undefined,
      );
      setTicket({
        code,
        expiresAt,
        kind: role,
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
      <h2 id="enroll-title">
        {canEnrolOffice ? 'Enroll a tablet or the office’s computer' : 'Enroll a tablet'}
      </h2>
      <p>
        Each code works once, on one device, and expires after a day. It also carries this school’s
        key fingerprint, so the device will refuse an impostor endpoint.
      </p>
      {canEnrolOffice && (
        <fieldset class="field radios">
          <legend>What will the code enroll?</legend>
          {KINDS.map(([value, label]) => (
            <label key={value} class="checkbox">
              <input
                type="radio"
                name="enroll-kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {label}
            </label>
          ))}
          {kind === 'office' && (
            <p class="muted">
              The office’s computer shows which devices have synced and when, enrolls tablets and
              revokes lost ones. It holds no key, so it cannot read any record.
            </p>
          )}
        </fieldset>
      )}
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
            <span>Enrollment link (paste it on {PASTE_ON[ticket.kind]})</span>
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
