import { useNavigate } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { categoryChoice, type FieldErrors, type IncidentFields } from '../../domain/incident.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { useUploadScheduler } from '../sync/UploadContext.tsx';
import { CategoryField } from './CategoryField.tsx';
import { useCategories } from './categories-context.tsx';
import { Disclosure } from './controls.tsx';
import { discardDraft, saveDraft, type OpenDraft } from './drafts.ts';
import { sectionOf, withoutErrors, type FormApi, type SectionId } from './form-api.ts';
import { IllegalGuard, guardToggle } from './IllegalGuard.tsx';
import { ProblemSummary } from './ProblemSummary.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useAutosave } from './use-autosave.ts';
import { useSections, type Sections } from './use-sections.ts';

const count = (n: number, one: string, many: string) =>
  n === 0 ? 'none yet' : `${n} ${n === 1 ? one : many}`;

/** The incident form for one open draft: autosaved, validated and sealed on submit. */
export function IncidentForm({ draft }: { draft: OpenDraft }) {
  const session = useSession();
  const scheduler = useUploadScheduler();
  const navigate = useNavigate();
  const categories = useCategories();
  const staff = session.staff!;
  const [fields, setFields] = useState<IncidentFields>(draft.fields);
  const latest = useRef(fields);
  latest.current = fields;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Record<SectionId, boolean>>({
    people: false,
    actions: false,
    told: false,
    evidence: draft.fields.suspectedIllegal,
  });
  const summaryRef = useRef<HTMLDivElement>(null);
  const sections = useSections(Object.values(open).some(Boolean));

  const save = useCallback(
    (f: IncidentFields) => saveDraft(session.db, staff, draft, f),
    [session.db, staff, draft],
  );
  const { state, unsaved, flush, saveNow } = useAutosave(fields, save);
  useEffect(() => session.onBeforeLock(flush), [session, flush]);

  const update = useCallback((change: (f: IncidentFields) => IncidentFields, clear?: string[]) => {
    setFields((f) => (latest.current = change(f)));
    if (clear?.length) setErrors((e) => withoutErrors(e, clear));
  }, []);
  const commit = useCallback(
    async (next: IncidentFields) => {
      latest.current = next;
      setFields(next);
      await saveNow(next);
    },
    [saveNow],
  );
  const set =
    (key: 'what' | 'when' | 'where' | 'reportedBy' | 'trip' | 'childWords') => (value: string) =>
      update((f) => ({ ...f, [key]: value }), [key]);

  const api: FormApi = {
    draft,
    fields,
    latest: () => latest.current,
    errors,
    update,
    commit,
    staffName: staff.name,
  };

  const guard = guardToggle({
    latest: () => latest.current,
    commit,
    staffName: staff.name,
    db: session.db,
    onMarked: () => setOpen((o) => ({ ...o, evidence: true })),
    onFailure: setFailure,
  });

  const chooseCategory = (id: string) => {
    const option = categories?.find((c) => c.id === id);
    const change = (f: IncidentFields) => ({
      ...f,
      category: option ? categoryChoice(option) : null,
    });
    setErrors((e) => withoutErrors(e, ['category']));
    if (option?.suspectedIllegal) void guard(true, change);
    else update(change);
  };

  const showProblems = (found: Record<string, string>) => {
    setErrors(found);
    setOpen((o) => {
      const next = { ...o };
      for (const k of Object.keys(found)) {
        const s = sectionOf(k);
        if (s) next[s] = true;
      }
      return next;
    });
    setProblems(Object.values(found));
    setFailure(
      'Some details are missing. Your draft is saved; fix the marked fields and submit again.',
    );
    setBusy(false);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    setProblems([]);
    try {
      await flush().catch(() => {}); // what is sealed is the record on screen either way
      // Validation and sealing (HPKE, envelope checks) load only now, keeping the form light.
      const { submitIncident } = await import('./seal-incident.ts');
      const result = await submitIncident(session.db, session.device!, staff, draft, fields);
      if ('errors' in result) return showProblems(result.errors);
      scheduler?.trigger('sealed');
      await navigate({ to: '/capture', search: { sealed: result.reference } });
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

  const toggle = (s: SectionId) => setOpen((o) => ({ ...o, [s]: !o[s] }));
  const hasProblem = (s: SectionId) =>
    Object.keys(errors).some((k) => sectionOf(k) === s && errors[k]);
  const section = (
    id: SectionId,
    title: string,
    summary: string,
    body: (m: Sections) => preact.JSX.Element,
  ) => (
    <Disclosure
      title={title}
      summary={summary}
      open={open[id]}
      onToggle={() => toggle(id)}
      problem={hasProblem(id)}
    >
      {sections ? body(sections) : <p role="status">Loading…</p>}
    </Disclosure>
  );

  const e = fields.evidence;
  const evidenceCount = e.photos.length + e.devices.length + (e.notes.trim() ? 1 : 0);
  return (
    <>
      <h1>New incident</h1>
      <SaveStatus state={state} unsaved={unsaved} />
      {failure && <ProblemSummary failure={failure} problems={problems} summaryRef={summaryRef} />}
      <form class="card" onSubmit={submit} noValidate aria-describedby="record-help">
        <p id="record-help" class="hint">
          Write what you saw and heard, in plain words. Only the first four boxes are needed to
          submit; add the rest now or later.
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
        <CategoryField
          categories={categories}
          value={fields.category}
          onChange={chooseCategory}
          error={errors.category}
        />
        <IllegalGuard
          fields={fields}
          onChange={(on) =>
            void guard(on, (f) => ({ ...f, suspectedIllegal: on })).then(
              (done) =>
                done && setErrors((x) => withoutErrors(x, ['evidence.devices', 'evidence.photos'])),
            )
          }
        />
        <Field
          label="The child’s own words"
          hint="If a child told you, write down what they said, in their words. Do not ask leading questions."
          multiline
          value={fields.childWords}
          onInput={set('childWords')}
          error={errors.childWords}
        />
        <Field
          label="Trip or visit"
          hint="Leave empty if it happened in school."
          value={fields.trip}
          onInput={set('trip')}
          error={errors.trip}
        />
        {section(
          'people',
          'People involved',
          count(fields.people.length, 'person', 'people'),
          (m) => (
            <m.PeopleSection api={api} />
          ),
        )}
        {section(
          'actions',
          'Actions taken',
          count(fields.actions.length, 'action', 'actions'),
          (m) => (
            <m.ActionsSection api={api} />
          ),
        )}
        {section(
          'told',
          'Who has been told',
          `${fields.told.dslToldVerbally === 'yes' ? 'DSL told' : 'DSL not yet told'} · ${fields.marking}`,
          (m) => (
            <m.ToldSection api={api} />
          ),
        )}
        {section('evidence', 'Evidence', count(evidenceCount, 'item', 'items'), (m) => (
          <m.EvidenceSection api={api} />
        ))}
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
