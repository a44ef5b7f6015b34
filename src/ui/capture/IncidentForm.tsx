import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { validateIncident, type FieldErrors, type IncidentFields } from '../../domain/incident.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { useUploadScheduler } from '../sync/UploadContext.tsx';
import { discardDraft, openDraft, saveDraft, type OpenDraft } from './drafts.ts';
import { useAutosave, type SaveState } from './use-autosave.ts';

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

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Draft saved (encrypted) at ${state.at.toLocaleTimeString('en-GB')}`
        : state.kind === 'failed'
          ? `Not saved: ${state.message} Keep this page open; we will try again.`
          : 'Changes save automatically, encrypted on this tablet.';
  return (
    <p
      class={state.kind === 'failed' ? 'notice bad' : 'muted'}
      role="status"
      data-testid="save-status"
    >
      {text}
    </p>
  );
}

function IncidentForm({ draft }: { draft: OpenDraft }) {
  const session = useSession();
  const scheduler = useUploadScheduler();
  const navigate = useNavigate();
  const staff = session.staff!;
  const [fields, setFields] = useState<IncidentFields>(draft.fields);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const save = useCallback(
    (f: IncidentFields) => saveDraft(session.db, staff, draft, f),
    [session.db, staff, draft],
  );
  const { state, flush } = useAutosave(fields, save);
  useEffect(() => session.onBeforeLock(flush), [session, flush]);

  const set = (key: keyof IncidentFields) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateIncident(fields);
    setErrors(found);
    if (Object.keys(found).length) {
      setFailure(
        'Some details are missing. Your draft is saved; fix the marked fields and submit again.',
      );
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      await flush();
      // Sealing (HPKE, envelope checks) loads only now, keeping the form itself light.
      const { sealIncident } = await import('./seal-incident.ts');
      const reference = await sealIncident(session.db, session.device!, staff, draft.id, fields);
      scheduler?.trigger('sealed');
      await navigate({ to: '/capture', search: { sealed: reference } });
    } catch (err) {
      setFailure(
        plainError(err, 'The incident could not be sealed. Your draft is kept; try again.'),
      );
      setBusy(false);
    }
  };

  const discard = async () => {
    if (
      !window.confirm(
        'Discard this draft? It will be deleted from this tablet and cannot be recovered.',
      )
    )
      return;
    await discardDraft(session.db, draft.id);
    await navigate({ to: '/capture' });
  };

  return (
    <>
      <h1>New incident</h1>
      <SaveStatus state={state} />
      {failure && <Notice tone="bad">{failure}</Notice>}
      <form class="card" onSubmit={submit} noValidate aria-describedby="record-help">
        <p id="record-help" class="hint">
          Write what you saw and heard, in plain words. Use the child’s own words where they spoke.
        </p>
        <Field
          label="What happened"
          multiline
          value={fields.what}
          onInput={set('what')}
          error={errors.what}
          required
        />
        <Field
          label="When it happened"
          type="datetime-local"
          value={fields.when}
          onInput={set('when')}
          error={errors.when}
          required
        />
        <Field
          label="Where it happened"
          hint="For a trip or visit, name it (for example “Science Museum trip, gallery 3”)."
          value={fields.where}
          onInput={set('where')}
          error={errors.where}
          required
        />
        <Field
          label="Who reported it"
          value={fields.reportedBy}
          onInput={set('reportedBy')}
          error={errors.reportedBy}
          required
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Sealing…' : 'Submit to the safeguarding leads'}
          </button>
          <Link className="button secondary" to="/capture">
            Save and close
          </Link>
          <button type="button" class="danger" onClick={() => void discard()}>
            Discard draft
          </button>
        </div>
      </form>
    </>
  );
}
