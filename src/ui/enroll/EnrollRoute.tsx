import { Navigate, useSearch } from '@tanstack/react-router';
import { formatEnrollmentLink } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { EnrollScreen } from './EnrollScreen.tsx';

export function EnrollRoute() {
  const { code, fp } = useSearch({ from: '/enroll' });
  const { device } = useSession();
  if (device) return <Navigate to="/" />;
  const initial =
    code && fp ? formatEnrollmentLink({ endpoint: location.origin, code, fingerprint: fp }) : '';
  return <EnrollScreen initialLink={initial} />;
}
