/**
 * People involved: each with a name or initials, their part in it and who they are. Pupils
 * can be picked from the member of staff's trip rosters, or typed.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  KIND_LABELS,
  newPerson,
  PERSON_KINDS,
  PERSON_ROLES,
  ROLE_LABELS,
  type Person,
} from '../../domain/people.ts';
import { pupilLabel, type Roster } from '../../domain/roster.ts';
import { DEFAULT_ROSTER_RETENTION_DAYS } from '../../domain/categories.ts';
import { ulid } from '../../domain/ulid.ts';
import { useSession } from '../app/session.tsx';
import { Field } from '../components/Field.tsx';
import { useCapturePolicy } from './categories-context.tsx';
import { SelectField } from './controls.tsx';
import type { FormApi } from './form-api.ts';
import { listEditor } from './list-editor.ts';
import { ListRows } from './ListRows.tsx';
import { loadRosters } from './rosters.ts';

export function PeopleSection({ api }: { api: FormApi }) {
  const session = useSession();
  const policy = useCapturePolicy();
  const [rosters, setRosters] = useState<Roster[]>([]);
  const days = policy?.rosterRetentionDays ?? DEFAULT_ROSTER_RETENTION_DAYS;
  useEffect(() => {
    void loadRosters(session.db, session.staff!, days).then(setRosters, () => setRosters([]));
  }, [session.db, session.staff, days]);

  const people = api.fields.people;
  const edit = listEditor<Person>(
    api,
    'people',
    (f) => f.people,
    (f, people) => ({ ...f, people }),
  );
  const picked = new Set(people.map((p) => p.rosterPupilId).filter(Boolean));
  const pick = (id: string) => {
    for (const r of rosters) {
      const pupil = r.pupils.find((p) => p.id === id);
      if (pupil)
        return edit.add(
          newPerson(ulid(), { name: pupil.name, yearGroup: pupil.yearGroup, rosterPupilId: id }),
        );
    }
  };

  return (
    <>
      {people.length === 0 && <p class="muted">No one added yet.</p>}
      <ListRows
        items={people}
        edit={edit}
        noun="person"
        addLabel="Add a person"
        newItem={() => newPerson(ulid())}
        row={(p) => (
          <>
            <Field label="Name or initials" {...edit.field(p, 'name')} />
            <SelectField
              label="Their part in it"
              value={p.role}
              onChange={(role) => edit.change(p.id, { role: role as Person['role'] })}
              error={api.errors[`people.${p.id}.role`]}
            >
              <option value="">Choose…</option>
              {PERSON_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Who they are"
              value={p.kind}
              onChange={(kind) => edit.change(p.id, { kind: kind as Person['kind'] })}
            >
              {PERSON_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            {p.kind === 'pupil' && <Field label="Year group" {...edit.field(p, 'yearGroup')} />}
          </>
        )}
      >
        {rosters.length > 0 && (
          <SelectField
            label="Add a pupil from the trip roster"
            value=""
            onChange={pick}
            hint="You are asked for their part in it next."
          >
            <option value="">Choose a pupil…</option>
            {rosters.map((r) => (
              <optgroup key={r.id} label={r.tripName}>
                {r.pupils
                  .filter((p) => !picked.has(p.id))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {pupilLabel(p)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
        )}
      </ListRows>
    </>
  );
}
