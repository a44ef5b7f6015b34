import { Navigate, useSearch } from '@tanstack/react-router';
import { useSession } from '../app/session.tsx';
import { formatEnrollmentLink } from '../../sync/enrollment-link.ts';
import { JoinScreen } from './JoinScreen.tsx';

export function JoinRoute() {
  const { code, fp } = useSearch({ from: '/join' });
  const { device } = useSession();
  if (device?.role === 'dsl') return <Navigate to="/console" />;
  if (device) return <Navigate to="/" />;
  const initial =
    code && fp
      ? formatEnrollmentLink({ endpoint: location.origin, code, fingerprint: fp }, '/join')
      : '';
  return <JoinScreen initialLink={initial} />;
}
