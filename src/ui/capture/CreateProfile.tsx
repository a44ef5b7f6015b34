import { useSession } from '../app/session.tsx';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { SubmitForm } from '../components/SubmitForm.tsx';
import { useForm } from '../components/use-form.ts';
import { createProfile, pinProblem } from './staff-profiles.ts';

export interface CreateProfileProps {
  onCancel?: (() => void) | undefined;
  notice?: string;
}

/** A new staff profile on this tablet: a name and a PIN that encrypts their drafts. */
export function CreateProfile({ onCancel, notice }: CreateProfileProps) {
  const session = useSession();
  const form = useForm({ name: '', pin: '', confirm: '' }, { keepFailure: true });
  const submit = async (e: Event) => {
    e.preventDefault();
    const { name, pin, confirm } = form.values;
    const problems: typeof form.errors = {};
    if (!name.trim()) problems.name = 'Enter your name as colleagues know it.';
    const problem = pinProblem(pin);
    if (problem) problems.pin = problem;
    if (confirm !== pin) problems.confirm = 'The two PINs are different.';
    if (!form.check(problems)) return;
    await form.run(async () => session.setStaff(await createProfile(session.db, name, pin)));
  };
  return (
    <>
      <h1>Your profile on this tablet</h1>
      <p>
        Your drafts are encrypted with your own PIN. Colleagues sharing this tablet cannot open
        them, and neither can anyone who finds it.
      </p>
      {notice && <Notice tone="warn">{notice}</Notice>}
      <SubmitForm
        onSubmit={submit}
        busy={form.busy}
        label="Create my profile"
        busyLabel="Securing…"
        failure={form.failure}
        actions={
          onCancel && (
            <button type="button" class="secondary" onClick={onCancel}>
              Back
            </button>
          )
        }
      >
        <Field label="Your name" {...form.field('name')} autoComplete="name" />
        <Field
          label="Choose a PIN"
          hint="At least 6 digits. Do not share it."
          type="password"
          inputMode="numeric"
          {...form.field('pin')}
          autoComplete="new-password"
        />
        <Field
          label="PIN again"
          type="password"
          inputMode="numeric"
          {...form.field('confirm')}
          autoComplete="new-password"
        />
      </SubmitForm>
    </>
  );
}
