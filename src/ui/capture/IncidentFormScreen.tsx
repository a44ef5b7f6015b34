import { Link } from '../components/Link.tsx';
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { openDraft, type OpenDraft } from './drafts.ts';
import { IncidentForm } from './IncidentForm.tsx';

/** Loads the draft, then hands it to the form; a missing draft gets a plain message. */
export function IncidentFormScreen({ draftId }: { draftId: string }) {
  const session = useSession();
  const [draft, setDraft] = useState<OpenDraft | null | undefined>(undefined);
  useEffect(() => {
    openDraft(session.db, session.staff!, draftId).then(setDraft, () => setDraft(null));
  }, [session.db, session.staff, draftId]);
  if (draft === undefined) return <p role="status">Opening your draft…</p>;
  if (draft === null) {
    return (
      <Notice tone="warn" title="This draft is not here">
        It may have been submitted or discarded, or belong to another member of staff.{' '}
        <Link to="/capture">Back to your incidents</Link>
      </Notice>
    );
  }
  return <IncidentForm draft={draft} />;
}
