import { useNavigate } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useSession } from '../app/session.tsx';
import { Field } from '../components/Field.tsx';
import { SubmitForm } from '../components/SubmitForm.tsx';
import { useForm } from '../components/use-form.ts';
import { createSchool, type RecoverySheet } from './create-school.ts';
import { NewPassphrase, newPassphraseProblems } from './NewPassphrase.tsx';
import { RecoverySheetView } from './RecoverySheetView.tsx';

/** First run on a fresh endpoint: the lead DSL names the school and creates its keys. */
export function SetupScreen({ code }: { code: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const form = useForm({
    setupCode: code,
    schoolName: '',
    dslName: '',
    passphrase: '',
    confirm: '',
  });
  const [sheet, setSheet] = useState<RecoverySheet | null>(null);

  if (sheet)
    return (
      <RecoverySheetView
        sheet={sheet}
        onDone={() => void session.reloadDevice().then(() => navigate({ to: '/console' }))}
      />
    );

  const submit = async (e: Event) => {
    e.preventDefault();
    const { setupCode, schoolName, dslName, passphrase, confirm } = form.values;
    const problems: typeof form.errors = {};
    if (!setupCode.trim())
      problems.setupCode = 'Enter the set-up code printed when the endpoint started.';
    if (!schoolName.trim()) problems.schoolName = 'Enter the school’s name.';
    if (!dslName.trim()) problems.dslName = 'Enter your name.';
    Object.assign(problems, newPassphraseProblems(passphrase, confirm));
    if (!form.check(problems)) return;
    await form.run(async () =>
      setSheet(
        await createSchool(session.db, {
          endpoint: location.origin,
          setupCode: setupCode.trim(),
          schoolName,
          dslName,
          passphrase,
        }),
      ),
    );
  };

  return (
    <>
      <h1>Set up your school</h1>
      <p>
        You are the lead Designated Safeguarding Lead. This browser will create the school’s keys.
        Records sealed on tablets can be opened only with your key (unlocked by your passphrase) or
        the break-glass recovery key you will print next.
      </p>
      <SubmitForm
        onSubmit={submit}
        busy={form.busy}
        label="Create the school’s keys"
        busyLabel="Creating keys…"
        failure={form.failure}
        failureTitle="The school was not set up"
      >
        <Field
          label="Set-up code"
          hint="Printed by the endpoint when it started (also in the link you opened)."
          {...form.field('setupCode')}
          autoComplete="off"
        />
        <Field label="School name" {...form.field('schoolName')} autoComplete="organization" />
        <Field label="Your name" {...form.field('dslName')} autoComplete="name" />
        <NewPassphrase passphrase={form.field('passphrase')} confirm={form.field('confirm')} />
      </SubmitForm>
    </>
  );
}
