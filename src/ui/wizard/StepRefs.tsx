import type { PolicyPack, Step } from '../../policy/pack-schema.ts';

/** Digits and a leading + only, as a tel: link needs them. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * What a checklist step points at, one tap away: the contact's number as a tel: link (from
 * the cached pack, so it works offline), the named role and who holds it, the record form.
 * A local number the school has not filled in says so instead of showing nothing.
 */
export function StepRefs({ pack, step }: { pack: PolicyPack; step: Step }) {
  const contact = step.contact ? pack.contacts.find((c) => c.id === step.contact) : undefined;
  const role = step.role ? pack.school.roles.find((r) => r.id === step.role) : undefined;
  const form = step.form ? pack.recordForms.find((f) => f.id === step.form) : undefined;
  if (!contact && !role && !form) return null;
  return (
    <div class="wizard-refs">
      {contact &&
        (contact.phone ? (
          <a class="button secondary wizard-tel" href={telHref(contact.phone)}>
            <span aria-hidden="true">☎</span> Call {contact.name}: {contact.phone}
          </a>
        ) : (
          <p class="wizard-nonumber">
            <strong>{contact.name}:</strong> number set by the school (not yet in this school’s
            policy pack).
          </p>
        ))}
      {contact?.url && (
        <p>
          <a href={contact.url} target="_blank" rel="noopener noreferrer">
            {contact.name}: {contact.url}
          </a>{' '}
          <span class="muted">(needs a connection)</span>
        </p>
      )}
      {role && (
        <p>
          <strong>Who:</strong> {role.title}
          {role.person ? `: ${role.person}` : ' (name set by the school)'}
        </p>
      )}
      {form && (
        <p>
          <strong>Form:</strong> {form.title}
        </p>
      )}
    </div>
  );
}
