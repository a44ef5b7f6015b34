/** What the incident form hands each of its sections: the record, its errors, and how to change it. */
import type { FieldErrors, IncidentFields } from '../../domain/incident.ts';
import type { OpenDraft } from './drafts.ts';

export interface FormApi {
  draft: OpenDraft;
  fields: IncidentFields;
  /** The record as it is now, for work that finishes after a render (adding a photo). */
  latest: () => IncidentFields;
  errors: FieldErrors;
  /** Applies a change and clears the given errors (`people.X.*` clears all of person X's). */
  update: (change: (f: IncidentFields) => IncidentFields, clear?: string[]) => void;
  /** Applies a record and saves it before resolving (evidence added or removed). */
  commit: (next: IncidentFields) => Promise<void>;
  staffName: string;
}

export const SECTIONS = ['people', 'actions', 'told', 'evidence'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The section an error key belongs to, or null for the always-visible fields. */
export function sectionOf(key: string): SectionId | null {
  const head = key.split('.')[0];
  return (SECTIONS as readonly string[]).includes(head!) ? (head as SectionId) : null;
}

/** Removes the errors named in `keys`; a key ending `.*` removes every error under it. */
export function withoutErrors(errors: FieldErrors, keys: string[]): FieldErrors {
  const next = { ...errors };
  for (const k of Object.keys(next)) {
    if (keys.some((c) => (c.endsWith('.*') ? k.startsWith(c.slice(0, -1)) : k === c)))
      delete next[k];
  }
  return next;
}
