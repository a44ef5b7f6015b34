import { useState } from 'preact/hooks';
import { parseEnrollmentText } from '../../sync/enrollment-link.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { enrollDevice } from './enroll-device.ts';

/**
 * Turns this browser into a school tablet with the one-time code from the DSL console (or
 * into the school office's computer, with an office code: the endpoint's answer says which).
 */
export function EnrollScreen({ initialLink }: { initialLink: string }) {
  const session = useSession();
  const [link, setLink] = useState(initialLink);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ link?: string; name?: string }>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseEnrollmentText(link);
    const next: typeof errors = {};
    if (!parsed.ok) next.link = parsed.message;
    if (!name.trim())
      next.name = 'Give this tablet a name staff will recognise, such as “Year 4 trip tablet 2”.';
    setErrors(next);
    setFailure('');
    if (!parsed.ok || next.name) return;
    if (parsed.ticket.endpoint !== location.origin) {
      // The app and its endpoint share an origin; open the link on the endpoint it names.
      location.assign(link.trim());
      return;
    }
    setBusy(true);
    try {
      await enrollDevice(session.db, parsed.ticket, name);
      await session.reloadDevice();
    } catch (err) {
      setFailure(plainError(err));
    } finally {
      setBusy(false);
    }
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
      {failure && (
        <Notice tone="bad" title="This tablet was not enrolled">
          {failure}
        </Notice>
      )}
      <form class="card" onSubmit={submit} noValidate>
        <Field
          label="Enrollment link"
          hint="It starts with http and includes a one-time code."
          value={link}
          onInput={setLink}
          error={errors.link}
          type="url"
          autoComplete="off"
        />
        <Field
          label="Tablet name"
          value={name}
          onInput={setName}
          error={errors.name}
          maxLength={80}
          autoComplete="off"
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Enrolling…' : 'Enroll this tablet'}
          </button>
        </div>
      </form>
    </>
  );
}
