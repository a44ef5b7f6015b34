import { useState } from 'preact/hooks';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { createProfile, pinProblem } from './staff-profiles.ts';

export interface CreateProfileProps {
  onCancel?: (() => void) | undefined;
  notice?: string;
}

/** A new staff profile on this tablet: a name and a PIN that encrypts their drafts. */
export function CreateProfile({ onCancel, notice }: CreateProfileProps) {
  const session = useSession();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Enter your name as colleagues know it.';
    const problem = pinProblem(pin);
    if (problem) next.pin = problem;
    if (confirm !== pin) next.confirm = 'The two PINs are different.';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      session.setStaff(await createProfile(session.db, name, pin));
    } catch (err) {
      setFailure(plainError(err));
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Your profile on this tablet</h1>
      <p>
        Your drafts are encrypted with your own PIN. Colleagues sharing this tablet cannot open
        them, and neither can anyone who finds it.
      </p>
      {notice && <Notice tone="warn">{notice}</Notice>}
      {failure && <Notice tone="bad">{failure}</Notice>}
      <form class="card" onSubmit={submit} noValidate>
        <Field
          label="Your name"
          value={name}
          onInput={setName}
          error={errors.name}
          autoComplete="name"
        />
        <Field
          label="Choose a PIN"
          hint="At least 6 digits. Do not share it."
          type="password"
          inputMode="numeric"
          value={pin}
          onInput={setPin}
          error={errors.pin}
          autoComplete="new-password"
        />
        <Field
          label="PIN again"
          type="password"
          inputMode="numeric"
          value={confirm}
          onInput={setConfirm}
          error={errors.confirm}
          autoComplete="new-password"
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Securing…' : 'Create my profile'}
          </button>
          {onCancel && (
            <button type="button" class="secondary" onClick={onCancel}>
              Back
            </button>
          )}
        </div>
      </form>
    </>
  );
}
