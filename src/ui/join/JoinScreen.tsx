import { parseEnrollmentText } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { Field } from '../components/Field.tsx';
import { SubmitForm } from '../components/SubmitForm.tsx';
import { useForm } from '../components/use-form.ts';
import { NewPassphrase, newPassphraseProblems } from '../setup/NewPassphrase.tsx';
import { joinAsLead } from './join-school.ts';

/** A new safeguarding lead sets up their own console from the link another DSL gave them. */
export function JoinScreen({ initialLink }: { initialLink: string }) {
  const session = useSession();
  const form = useForm({ link: initialLink, name: '', passphrase: '', confirm: '' });

  const submit = async (e: Event) => {
    e.preventDefault();
    const { link, name, passphrase, confirm } = form.values;
    const parsed = parseEnrollmentText(link);
    const problems: typeof form.errors = {};
    if (!parsed.ok) problems.link = parsed.message;
    if (!name.trim()) problems.name = 'Enter your name.';
    Object.assign(problems, newPassphraseProblems(passphrase, confirm));
    if (!form.check(problems) || !parsed.ok) return;
    await form.run(async () => {
      const keys = await joinAsLead(session.db, parsed.ticket, { name, passphrase });
      session.setDsl({ name: name.trim(), keys });
      await session.reloadDevice(); // the route then opens the console, which shows the approval state
    });
  };

  return (
    <>
      <h1>Join as a safeguarding lead</h1>
      <p>
        This browser will hold your own key. It opens records only after another safeguarding lead
        approves you.
      </p>
      <SubmitForm
        onSubmit={submit}
        busy={form.busy}
        label="Join"
        busyLabel="Creating your key…"
        failure={form.failure}
        failureTitle="You have not joined yet"
      >
        <Field
          label="Link from the safeguarding lead"
          type="url"
          {...form.field('link')}
          autoComplete="off"
        />
        <Field label="Your name" {...form.field('name')} autoComplete="name" />
        <NewPassphrase passphrase={form.field('passphrase')} confirm={form.field('confirm')} />
      </SubmitForm>
    </>
  );
}
