/** Immediate actions: the Reporting Log's "Action taken: what, by whom" and when. */
import { newAction } from '../../domain/actions.ts';
import { ulid } from '../../domain/ulid.ts';
import { Field } from '../components/Field.tsx';
import { localDateTime } from './drafts.ts';
import type { FormApi } from './form-api.ts';
import { listEditor } from './list-editor.ts';

export function ActionsSection({ api }: { api: FormApi }) {
  const actions = api.fields.actions;
  const edit = listEditor(
    api,
    'actions',
    (f) => f.actions,
    (f, actions) => ({ ...f, actions }),
  );
  const err = (id: string, k: string) => api.errors[`actions.${id}.${k}`];
  return (
    <>
      <p class="hint">What you (or others) did straight away: what, by whom, and when.</p>
      {actions.map((a, i) => (
        <fieldset key={a.id} class="item">
          <legend>Action {i + 1}</legend>
          <Field
            label="What was done"
            value={a.what}
            onInput={(what) => edit.change(a.id, { what })}
            error={err(a.id, 'what')}
          />
          <Field
            label="By whom"
            value={a.by}
            onInput={(by) => edit.change(a.id, { by })}
            error={err(a.id, 'by')}
          />
          <Field
            label="When"
            type="datetime-local"
            value={a.when}
            onInput={(when) => edit.change(a.id, { when })}
            error={err(a.id, 'when')}
          />
          <button type="button" class="secondary" onClick={() => edit.remove(a.id)}>
            Remove action {i + 1}
          </button>
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => edit.add(newAction(ulid(), api.staffName, localDateTime()))}
        >
          Add an action
        </button>
      </div>
    </>
  );
}
