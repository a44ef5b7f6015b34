import { useNavigate } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { createSchool, type RecoverySheet } from './create-school.ts';
import { NewPassphrase, newPassphraseProblems } from './NewPassphrase.tsx';
import { RecoverySheetView } from './RecoverySheetView.tsx';

/** First run on a fresh endpoint: the lead DSL names the school and creates its keys. */
export function SetupScreen({ code }: { code: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const [setupCode, setSetupCode] = useState(code);
  const [schoolName, setSchoolName] = useState('');
  const [dslName, setDslName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
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
    const next: Record<string, string> = {};
    if (!setupCode.trim())
      next.setupCode = 'Enter the set-up code printed when the endpoint started.';
    if (!schoolName.trim()) next.schoolName = 'Enter the school’s name.';
    if (!dslName.trim()) next.dslName = 'Enter your name.';
    Object.assign(next, newPassphraseProblems(passphrase, confirm));
    setErrors(next);
    setFailure('');
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      setSheet(
        await createSchool(session.db, {
          endpoint: location.origin,
          setupCode: setupCode.trim(),
          schoolName,
          dslName,
          passphrase,
        }),
      );
    } catch (err) {
      setFailure(plainError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Set up your school</h1>
      <p>
        You are the lead Designated Safeguarding Lead. This browser will create the school’s keys.
        Records sealed on tablets can be opened only with your key (unlocked by your passphrase) or
        the break-glass recovery key you will print next.
      </p>
      {failure && (
        <Notice tone="bad" title="The school was not set up">
          {failure}
        </Notice>
      )}
      <form class="card" onSubmit={submit} noValidate>
        <Field
          label="Set-up code"
          hint="Printed by the endpoint when it started (also in the link you opened)."
          value={setupCode}
          onInput={setSetupCode}
          error={errors.setupCode}
          autoComplete="off"
        />
        <Field
          label="School name"
          value={schoolName}
          onInput={setSchoolName}
          error={errors.schoolName}
          autoComplete="organization"
        />
        <Field
          label="Your name"
          value={dslName}
          onInput={setDslName}
          error={errors.dslName}
          autoComplete="name"
        />
        <NewPassphrase
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating keys…' : 'Create the school’s keys'}
          </button>
        </div>
      </form>
    </>
  );
}
