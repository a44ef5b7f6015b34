import { Link, Navigate, useParams, useSearch } from '@tanstack/react-router';
import type { ComponentChildren } from 'preact';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { CaptureHome } from './CaptureHome.tsx';
import { IncidentFormScreen } from './IncidentForm.tsx';
import { StaffGate } from './StaffGate.tsx';

function TabletOnly({ children }: { children: ComponentChildren }) {
  const { device } = useSession();
  if (device === undefined) return <p role="status">Loading…</p>;
  if (device === null) return <Navigate to="/" />;
  if (device.role !== 'tablet') {
    return (
      <Notice tone="warn" title="Incidents are recorded on enrolled tablets">
        This browser is the safeguarding console. <Link to="/console">Open the console</Link>
      </Notice>
    );
  }
  return <StaffGate>{children}</StaffGate>;
}

export function CaptureIndexRoute() {
  const { sealed } = useSearch({ from: '/capture' });
  return (
    <TabletOnly>
      <CaptureHome sealed={sealed} />
    </TabletOnly>
  );
}

export function DraftRoute() {
  const { draftId } = useParams({ from: '/capture/$draftId' });
  return (
    <TabletOnly>
      <IncidentFormScreen draftId={draftId} />
    </TabletOnly>
  );
}
