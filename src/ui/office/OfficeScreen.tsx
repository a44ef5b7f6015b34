/**
 * The school office's computer: which devices have synced and when, what each says is still
 * waiting and which are overdue, tablet codes, and revoking a lost tablet. It asks for no
 * passphrase or PIN because there is nothing here to unlock: the office's computer holds no
 * key that opens a record, and the endpoint refuses it every record, so it shows metadata only.
 */
import { Navigate } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../sync/api-client.ts';
import { API_ERRORS, type DeviceStatus } from '../../sync/protocol.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { DevicesPanel } from '../console/DevicesPanel.tsx';
import { EnrollTablet } from '../console/EnrollTablet.tsx';
import { useConsoleApi } from '../console/use-console-api.ts';

export function OfficeScreen() {
  const { device } = useSession();
  if (device === undefined) return <p role="status">Loading…</p>;
  if (device === null) return <Navigate to="/" />;
  if (device.role !== 'office') {
    return (
      <Notice tone="warn" title="This is not the school office’s computer">
        The office screen opens only on the computer enrolled with a code for the school office.{' '}
        <Link to="/">Go to the start page</Link>
      </Notice>
    );
  }
  return <OfficeHome />;
}

function OfficeHome() {
  const api = useConsoleApi();
  const [status, setStatus] = useState<DeviceStatus | 'offline' | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    api
      .deviceSelf()
      .then((self) => setStatus(self.status))
      .catch((e: unknown) => {
        // The endpoint refuses a revoked device everything, even a question about itself.
        if (e instanceof ApiError && e.error === API_ERRORS.deviceRevoked) {
          setStatus('revoked');
          return;
        }
        setStatus('offline');
        setProblem(plainError(e));
      });
  }, [api]);

  if (status === 'revoked') {
    return (
      <Notice tone="bad" title="This computer has been revoked">
        A safeguarding lead removed this computer from the school’s devices. Ask your DSL to enroll
        it again if this is a mistake.
      </Notice>
    );
  }
  return (
    <>
      <h1>School office</h1>
      <p>
        The school office cannot read any record: this computer holds no key that opens one. It
        shows only what the school endpoint knows about each device.
      </p>
      {status === 'offline' && (
        <Notice tone="warn" title="The school endpoint cannot be reached">
          {problem}
        </Notice>
      )}
      <DevicesPanel />
      <EnrollTablet />
    </>
  );
}
