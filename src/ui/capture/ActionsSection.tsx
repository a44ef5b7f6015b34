/** Immediate actions: the Reporting Log's "Action taken: what, by whom" and when. */
import { newAction } from '../../domain/actions.ts';
import { ulid } from '../../domain/ulid.ts';
import { Field } from '../components/Field.tsx';
import { localDateTime } from './drafts.ts';
import type { FormApi } from './form-api.ts';
import { listEditor } from './list-editor.ts';
import { ListRows } from './ListRows.tsx';

export function ActionsSection({ api }: { api: FormApi }) {
  const edit = listEditor(
    api,
    'actions',
    (f) => f.actions,
    (f, actions) => ({ ...f, actions }),
  );
  return (
    <>
      <p class="hint">What you (or others) did straight away: what, by whom, and when.</p>
      <ListRows
        items={api.fields.actions}
        edit={edit}
        noun="action"
        addLabel="Add an action"
        newItem={() => newAction(ulid(), api.staffName, localDateTime())}
        row={(a) => (
          <>
            <Field label="What was done" {...edit.field(a, 'what')} />
            <Field label="By whom" {...edit.field(a, 'by')} />
            <Field label="When" type="datetime-local" {...edit.field(a, 'when')} />
          </>
        )}
      />
    </>
  );
}
