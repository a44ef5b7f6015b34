import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DeviceInfo } from '../../sync/protocol.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { useConsoleApi } from './use-console-api.ts';

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : 'never';

/** Used until the policy pack has loaded: the default pack's unsent warning. */
const DEFAULT_OVERDUE_HOURS = 24;

function statusText(d: DeviceInfo): string {
  if (d.status === 'revoked') return `Revoked ${when(d.revokedAt)}`;
  if (d.status === 'pending') return 'Waiting for approval';
  return 'Active';
}

function roleText(d: DeviceInfo): string {
  if (d.role === 'dsl') return `safeguarding lead${d.personName ? `: ${d.personName}` : ''}`;
  if (d.role === 'office') return 'school office';
  return 'tablet';
}

/**
 * Every device of the school, as metadata only (the endpoint holds nothing else): who
 * enrolled it, when it last delivered, what it says is still waiting, and revoking a lost one.
 * Shown in the DSL's console and on the school office's computer, which may revoke tablets
 * only (the endpoint refuses it the rest, so the button is not offered).
 */
export function DevicesPanel({ onChange }: { onChange?: () => void }) {
  const { device: self } = useSession();
  const mayRevoke = (d: DeviceInfo) =>
    d.status === 'approved' &&
    d.id !== self?.deviceId &&
    (self?.role !== 'office' || d.role === 'tablet');
  const { pack } = usePolicy();
  // A record unsent for longer than the pack's warning period is overdue, here as on the tablet.
  const overdueMs = (pack?.settings.unsentWarningHours ?? DEFAULT_OVERDUE_HOURS) * 3_600_000;
  const api = useConsoleApi();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [failure, setFailure] = useState('');
  const [message, setMessage] = useState('');

  const refresh = useCallback(async () => {
    try {
      setDevices((await api.listDevices()).devices);
    } catch (e) {
      setFailure(plainError(e));
    }
  }, [api]);
  useEffect(() => void refresh(), [refresh]);

  const revoke = async (d: DeviceInfo) => {
    if (
      !window.confirm(
        `Revoke “${d.name}”? It will not be able to send or read anything again. Records it already delivered are kept.`,
      )
    )
      return;
    try {
      await api.revokeDevice(d.id);
      setMessage(`“${d.name}” is revoked.`);
      await refresh();
      onChange?.();
    } catch (e) {
      setFailure(plainError(e));
    }
  };

  return (
    <section class="card" aria-labelledby="devices-title">
      <h2 id="devices-title">Devices</h2>
      <p class="muted">What the endpoint knows about each device. It never holds record content.</p>
      {failure && <Notice tone="bad">{failure}</Notice>}
      {message && <Notice tone="ok">{message}</Notice>}
      {devices && (
        <ul class="list" aria-label="Enrolled devices">
          {devices.map((d) => {
            const overdue =
              d.status === 'approved' &&
              (d.queued ?? 0) > 0 &&
              d.oldestQueuedAt &&
              Date.now() - Date.parse(d.oldestQueuedAt) > overdueMs;
            return (
              <li key={d.id} data-testid="device-row">
                <span>
                  <strong>{d.name}</strong> <span class="muted">({roleText(d)})</span>
                  <br />
                  <span class="muted">
                    {statusText(d)} · enrolled {when(d.enrolledAt)}
                    {d.enrolledBy ? ` by ${d.enrolledBy}` : ''} · last delivered{' '}
                    {when(d.lastSyncAt)}
                    {d.queued !== null ? ` · ${d.queued} waiting to send` : ''}
                    {d.queued && d.oldestQueuedAt ? ` (oldest ${when(d.oldestQueuedAt)})` : ''}
                  </span>
                  {overdue && (
                    <>
                      <br />
                      <span class="status-pill warn">
                        ⚠ Overdue: records waiting more than {Math.round(overdueMs / 3_600_000)}{' '}
                        hours
                      </span>
                    </>
                  )}
                </span>
                {mayRevoke(d) && (
                  <button
                    type="button"
                    class="danger"
                    onClick={() => void revoke(d)}
                    aria-label={`Revoke ${d.name}`}
                  >
                    Revoke
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
