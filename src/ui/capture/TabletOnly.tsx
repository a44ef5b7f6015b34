/**
 * The frame both capture routes share: only an enrolled tablet records incidents, and only
 * an unlocked member of staff sees them. The school's categories come from its cached pack.
 */
import { Navigate } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { capturePolicyFrom } from '../../domain/categories.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { CategoriesProvider, useCapturePolicy } from './categories-context.tsx';
import { StaffGate } from './StaffGate.tsx';

/**
 * Deletes trip rosters past their retention when the capture screens open and at each
 * unlock. It needs no key: a roster's last day is the one detail stored readable.
 */
function RosterPurge() {
  const { db, staff } = useSession();
  // Waits for the policy: purging with the default first could delete a roster the school
  // keeps longer.
  const days = useCapturePolicy()?.rosterRetentionDays;
  useEffect(() => {
    if (days === undefined) return;
    void import('../../storage/roster-repo.ts')
      .then((m) => m.purgeExpiredRosters(db, Date.now(), days))
      .catch(() => {});
  }, [db, staff, days]);
  return null;
}

/**
 * The school's served pack (cached on the device) decides the categories; the default pack
 * only when no pack is cached. Until the cached copy has been read, neither: loading the
 * default pack in that moment would cost the first screen its parse for nothing.
 */
function SchoolCategories({ children }: { children: ComponentChildren }) {
  const { pack, cacheRead } = usePolicy();
  const policy = useMemo(() => (pack ? capturePolicyFrom(pack) : undefined), [pack]);
  return (
    <CategoriesProvider policy={policy} waiting={!cacheRead}>
      {children}
    </CategoriesProvider>
  );
}

export function TabletOnly({ children }: { children: ComponentChildren }) {
  const { device } = useSession();
  if (device === undefined) return <p role="status">Loading…</p>;
  if (device === null) return <Navigate to="/" />;
  if (device.role === 'office') {
    return (
      <Notice tone="warn" title="Incidents are recorded on enrolled tablets">
        This browser is the school office’s computer.{' '}
        <Link to="/office">Open the office screen</Link>
      </Notice>
    );
  }
  if (device.role !== 'tablet') {
    return (
      <Notice tone="warn" title="Incidents are recorded on enrolled tablets">
        This browser is the safeguarding console. <Link to="/console">Open the console</Link>
      </Notice>
    );
  }
  return (
    <SchoolCategories>
      <RosterPurge />
      <StaffGate>{children}</StaffGate>
    </SchoolCategories>
  );
}
