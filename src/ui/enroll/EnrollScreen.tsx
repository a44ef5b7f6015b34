import { parseEnrollmentText } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { Field } from '../components/Field.tsx';
import { SubmitForm } from '../components/SubmitForm.tsx';
import { useForm } from '../components/use-form.ts';
import { enrollDevice } from './enroll-device.ts';

/**
 * Turns this browser into a school tablet with the one-time code from the DSL console (or
 * into the school office's computer, with an office code: the endpoint's answer says which).
 */
export function EnrollScreen({ initialLink }: { initialLink: string }) {
  const session = useSession();
  const form = useForm({ link: initialLink, name: '' });

  const submit = async (e: Event) => {
    e.preventDefault();
    const { link, name } = form.values;
    const parsed = parseEnrollmentText(link);
    const problems: typeof form.errors = {};
    if (!parsed.ok) problems.link = parsed.message;
    if (!name.trim())
      problems.name =
        'Give this tablet a name staff will recognise, such as “Year 4 trip tablet 2”.';
    if (!form.check(problems) || !parsed.ok) return;
    if (parsed.ticket.endpoint !== location.origin) {
      // The app and its endpoint share an origin; open the link on the endpoint it names.
      location.assign(link.trim());
      return;
    }
    await form.run(async () => {
      await enrollDevice(session.db, parsed.ticket, name);
      await session.reloadDevice();
    });
  };

  return (
    <>
      <h1>Enroll this tablet</h1>
      <p>
        Ask your Designated Safeguarding Lead for an enrollment code. Scan its QR code with the
        tablet’s camera, or paste the link here.
      </p>
      <p class="muted">
        The school office’s computer is enrolled the same way, with a code for the office: give it a
        name such as “School office PC”.
      </p>
      <SubmitForm
        onSubmit={submit}
        busy={form.busy}
        label="Enroll this tablet"
        busyLabel="Enrolling…"
        failure={form.failure}
        failureTitle="This tablet was not enrolled"
      >
        <Field
          label="Enrollment link"
          hint="It starts with http and includes a one-time code."
          {...form.field('link')}
          type="url"
          autoComplete="off"
        />
        <Field label="Tablet name" {...form.field('name')} maxLength={80} autoComplete="off" />
      </SubmitForm>
    </>
  );
}
