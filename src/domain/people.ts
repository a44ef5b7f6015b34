/**
 * The people an incident involves. Each has a role in it (the Reporting Log's victim,
 * instigator, witness, reporter) and a kind (pupil, staff, parent or carer, visitor,
 * unknown). A name may be initials only: staff write what they know.
 */

export const PERSON_ROLES = ['victim', 'instigator', 'witness', 'reporter'] as const;
export const PERSON_KINDS = ['pupil', 'staff', 'parent', 'visitor', 'unknown'] as const;

export type PersonRole = (typeof PERSON_ROLES)[number];
export type PersonKind = (typeof PERSON_KINDS)[number];

export const ROLE_LABELS: Record<PersonRole, string> = {
  victim: 'Victim (harmed or targeted)',
  instigator: 'Instigator',
  witness: 'Witness',
  reporter: 'Reported it',
};

export const KIND_LABELS: Record<PersonKind, string> = {
  pupil: 'Pupil',
  staff: 'Member of staff',
  parent: 'Parent or carer',
  visitor: 'Visitor',
  unknown: 'Not known',
};

export interface Person {
  id: string;
  /** Name or initials, as the member of staff knows them. */
  name: string;
  /** Empty until chosen: the role is a judgement staff make, never a default. */
  role: PersonRole | '';
  kind: PersonKind;
  yearGroup: string;
  /** Set when picked from a trip roster (the roster entry's id), so it is not offered twice. */
  rosterPupilId: string;
}

export const PERSON_LIMITS = { name: 200, yearGroup: 40 } as const;

export function newPerson(id: string, init: Partial<Omit<Person, 'id'>> = {}): Person {
  return { id, name: '', role: '', kind: 'pupil', yearGroup: '', rosterPupilId: '', ...init };
}

export const isPersonRole = (v: unknown): v is PersonRole =>
  (PERSON_ROLES as readonly unknown[]).includes(v);
export const isPersonKind = (v: unknown): v is PersonKind =>
  (PERSON_KINDS as readonly unknown[]).includes(v);

/** Problems keyed `people.<id>.<field>`, in plain words. */
export function validatePeople(people: Person[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of people) {
    const at = `people.${p.id}`;
    if (!p.name.trim()) errors[`${at}.name`] = 'Give a name or initials, or remove this person.';
    else if (p.name.length > PERSON_LIMITS.name)
      errors[`${at}.name`] = `At most ${PERSON_LIMITS.name} characters.`;
    if (!p.role) errors[`${at}.role`] = 'Choose this person’s part in the incident.';
    if (p.yearGroup.length > PERSON_LIMITS.yearGroup)
      errors[`${at}.yearGroup`] = `At most ${PERSON_LIMITS.yearGroup} characters.`;
  }
  return errors;
}

/** A one-line description for lists: "Jo B (pupil, Year 5): victim". */
export function describePerson(p: Person): string {
  const kind = KIND_LABELS[p.kind].toLowerCase();
  const detail = p.yearGroup ? `${kind}, ${p.yearGroup}` : kind;
  return `${p.name || '(no name)'} (${detail})${p.role ? `: ${ROLE_LABELS[p.role]}` : ''}`;
}
