/** One open draft (/capture/$draftId): the incident form, behind the same tablet and PIN gate. */
import { useParams } from '@tanstack/react-router';
import { IncidentFormScreen } from './IncidentFormScreen.tsx';
import { TabletOnly } from './TabletOnly.tsx';

export function DraftRoute() {
  const { draftId } = useParams({ from: '/capture/$draftId' });
  return (
    <TabletOnly>
      <IncidentFormScreen draftId={draftId} />
    </TabletOnly>
  );
}
