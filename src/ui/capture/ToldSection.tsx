/** Who has been told so far (the DSL in person or by phone, and when) and the protective marking. */
import { PROTECTIVE_MARKINGS, type WhoWasTold } from '../../domain/incident.ts';
import { Field } from '../components/Field.tsx';
import { RadioGroup } from './controls-more.tsx';
import { localDateTime } from './drafts.ts';
import type { FormApi } from './form-api.ts';

const MARKING_HINT =
  'OFFICIAL-SENSITIVE: for safeguarding records, where the need to know must be reinforced (the default). OFFICIAL: routine information.';

export function ToldSection({ api }: { api: FormApi }) {
  const told = api.fields.told;
  const change = (patch: Partial<WhoWasTold>) =>
    api.update(
      (f) => ({ ...f, told: { ...f.told, ...patch } }),
      Object.keys(patch).map((k) => `told.${k}`),
    );
  return (
    <>
      <RadioGroup
        legend="Has a DSL been told, in person or by phone?"
        name="dsl-told"
        value={told.dslToldVerbally}
        options={[
          ['yes', 'Yes'],
          ['no', 'Not yet'],
        ]}
        onChange={(v) =>
          change(
            v === 'yes' && !told.dslToldAt
              ? { dslToldVerbally: v, dslToldAt: localDateTime() }
              : { dslToldVerbally: v },
          )
        }
      />
      {told.dslToldVerbally === 'yes' && (
        <>
          <Field
            label="Which DSL"
            value={told.dslName}
            onInput={(dslName) => change({ dslName })}
            error={api.errors['told.dslName']}
          />
          <Field
            label="When they were told"
            type="datetime-local"
            value={told.dslToldAt}
            onInput={(dslToldAt) => change({ dslToldAt })}
            error={api.errors['told.dslToldAt']}
          />
        </>
      )}
      <Field
        label="Anyone else told so far"
        hint="For example the head teacher, a parent, the police. Leave empty if no one."
        value={told.others}
        onInput={(others) => change({ others })}
        error={api.errors['told.others']}
      />
      <RadioGroup
        legend="Protective marking"
        name="marking"
        value={api.fields.marking}
        options={PROTECTIVE_MARKINGS.map((m) => [m, m] as const)}
        onChange={(marking) => api.update((f) => ({ ...f, marking }))}
        hint={MARKING_HINT}
      />
    </>
  );
}
