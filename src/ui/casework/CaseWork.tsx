/**
 * What a DSL records on an incident outside a guided procedure: a note, an action (what, by
 * whom, when), a decision with its reason, an amendment of the record, closing with an
 * outcome, or reopening. Each is sealed as an event (offline it waits in this console's
 * outbox) and reaches the other DSLs; nothing is ever edited in place.
 */
import { useState } from 'preact/hooks';
import { CASE_EVENT_KIND, isCaseEventPayload } from '../../domain/case-events.ts';
import type { CaseSummary } from '../../domain/case-state.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import type { Sending } from '../wizard/use-sending.tsx';
import { blank, build, problems, TITLES, type Form, type Values } from './case-form.ts';

export function CaseWork({
  summary,
  sending,
  onRecorded,
}: {
  summary: CaseSummary;
  sending: Sending;
  onRecorded: () => void;
}) {
  const session = useSession();
  const { pack } = usePolicy();
  const me = session.dsl!.name;
  const [form, setForm] = useState<Form | null>(null);
  const [values, setValues] = useState<Values>(blank(me));
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (k: keyof Values) => (v: string) => setValues({ ...values, [k]: v });

  const open = (f: Form) => {
    setForm(f);
    setValues(blank(me));
    setErrors({});
    setDone(null);
    setFailure(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    const found = problems(form, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const payload = build(form, values, summary.incidentId, me, pack);
    if (!isCaseEventPayload(CASE_EVENT_KIND[payload.type], payload)) {
      setFailure('This could not be recorded: a part of it is too long or missing.');
      return;
    }
    setSaving(true);
    try {
      await sending.record(CASE_EVENT_KIND[payload.type], payload);
      setDone(`${TITLES[form].replace(/^(Add|Record|Amend|Close|Reopen) /, '')}: recorded.`);
      setForm(null);
      onRecorded();
    } catch (err) {
      setFailure(
        `This was not recorded, so nothing is lost but it needs saving again: ${err instanceof Error ? err.message : 'an unknown problem.'}`,
      );
    } finally {
      setSaving(false);
    }
  };

  const choices: Form[] =
    summary.status === 'closed'
      ? ['note', 'reopen']
      : ['note', 'action', 'decision', 'amend', 'close'];

  return (
    <section class="card case-work" aria-labelledby="case-work">
      <h2 id="case-work">Work on this incident</h2>
      <div class="actions">
        {choices.map((f) => (
          <button
            key={f}
            type="button"
            class={form === f ? '' : 'secondary'}
            aria-pressed={form === f}
            onClick={() => open(f)}
          >
            {TITLES[f]}
          </button>
        ))}
      </div>
      {done && (
        <p role="status" class="case-done">
          ✓ {done}
        </p>
      )}
      {failure && <Notice tone="bad">{failure}</Notice>}
      {form && (
        <form onSubmit={(e) => void save(e)} aria-label={TITLES[form]} noValidate>
          <h3>{TITLES[form]}</h3>
          {form === 'note' && (
            <Field
              label="Note"
              multiline
              value={values.text}
              onInput={set('text')}
              error={errors.text}
            />
          )}
          {form === 'action' && (
            <>
              <Field
                label="What was done"
                multiline
                value={values.text}
                onInput={set('text')}
                error={errors.text}
              />
              <Field
                label="Who did it"
                value={values.who}
                onInput={set('who')}
                error={errors.who}
              />
              <Field
                label="When it was done"
                type="datetime-local"
                value={values.when}
                onInput={set('when')}
                error={errors.when}
              />
            </>
          )}
          {form === 'decision' && (
            <>
              <Field
                label="Decision"
                value={values.text}
                onInput={set('text')}
                error={errors.text}
                hint="For example: refer to children’s social care, or no referral."
              />
              <Field
                label="Reason for the decision"
                multiline
                value={values.reason}
                onInput={set('reason')}
                error={errors.reason}
              />
            </>
          )}
          {form === 'amend' && (
            <>
              <div class={`field${errors.category ? ' invalid' : ''}`}>
                <label for="amend-category">Category</label>
                <select
                  id="amend-category"
                  value={values.category}
                  onChange={(e) => set('category')(e.currentTarget.value)}
                >
                  <option value="">
                    Keep as it is ({summary.categoryLabel ?? 'not categorised'})
                  </option>
                  {pack?.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                label="Correction to the record"
                multiline
                value={values.text}
                onInput={set('text')}
                error={errors.text}
                hint="What the record should say. The original stays in the chronology."
              />
              <Field
                label="Reason for the amendment"
                multiline
                value={values.reason}
                onInput={set('reason')}
                error={errors.reason}
              />
            </>
          )}
          {form === 'close' && (
            <Field
              label="Outcome"
              multiline
              value={values.text}
              onInput={set('text')}
              error={errors.text}
              hint="What was done in the end, and why the incident can be closed."
            />
          )}
          {form === 'reopen' && (
            <Field
              label="Why reopen it"
              multiline
              value={values.reason}
              onInput={set('reason')}
              error={errors.reason}
            />
          )}
          <div class="actions">
            <button type="submit" disabled={saving}>
              {saving
                ? 'Sealing…'
                : form === 'close'
                  ? 'Close the incident'
                  : form === 'reopen'
                    ? 'Reopen the incident'
                    : 'Save'}
            </button>
            <button type="button" class="secondary" onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
