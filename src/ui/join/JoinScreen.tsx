import { useState } from 'preact/hooks';
import { parseEnrollmentText } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { NewPassphrase, newPassphraseProblems } from '../setup/NewPassphrase.tsx';
import { joinAsLead } from './join-school.ts';

/** A new safeguarding lead sets up their own console from the link another DSL gave them. */
export function JoinScreen({ initialLink }: { initialLink: string }) {
  const session = useSession();
  const [link, setLink] = useState(initialLink);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseEnrollmentText(link);
    const next: Record<string, string> = {};
    if (!parsed.ok) next.link = parsed.message;
    if (!name.trim()) next.name = 'Enter your name.';
    Object.assign(next, newPassphraseProblems(passphrase, confirm));
    setErrors(next);
    setFailure('');
    if (!parsed.ok || Object.keys(next).length) return;
    setBusy(true);
    try {
      const keys = await joinAsLead(session.db, parsed.ticket, { name, passphrase });
      session.setDsl({ name: name.trim(), keys });
      await session.reloadDevice(); // the route then opens the console, which shows the approval state
    } catch (err) {
      setFailure(plainError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Join as a safeguarding lead</h1>
      <p>
        This browser will hold your own key. It opens records only after another safeguarding lead
        approves you.
      </p>
      {failure && (
        <Notice tone="bad" title="You have not joined yet">
          {failure}
        </Notice>
      )}
      <form class="card" onSubmit={submit} noValidate>
        <Field
          label="Link from the safeguarding lead"
          type="url"
          value={link}
          onInput={setLink}
          error={errors.link}
          autoComplete="off"
        />
        <Field
          label="Your name"
          value={name}
          onInput={setName}
          error={errors.name}
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
            {busy ? 'Creating your key…' : 'Join'}
          </button>
        </div>
      </form>
    </>
  );
}
