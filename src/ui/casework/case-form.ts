/**
 * The forms of a DSL's casework as data: which form, its fields' values, the plain-English
 * problems that stop it being sealed, and the case event it becomes. Pure, apart from the
 * clock, so the component only draws and submits.
 */
import type { CaseEventPayload } from '../../domain/case-events.ts';
import { localDateTime } from '../../domain/datetime.ts';
import { categoryChoice } from '../../domain/incident.ts';
import type { PolicyPack } from '../../policy/pack-schema.ts';

export type Form = 'note' | 'action' | 'decision' | 'amend' | 'close' | 'reopen';

export const TITLES: Record<Form, string> = {
  note: 'Add a note',
  action: 'Record an action',
  decision: 'Record a decision',
  amend: 'Amend the record',
  close: 'Close the incident',
  reopen: 'Reopen the incident',
};

export interface Values {
  text: string;
  who: string;
  when: string;
  category: string;
  reason: string;
}

export const blank = (me: string): Values => ({
  text: '',
  who: me,
  when: localDateTime(),
  category: '',
  reason: '',
});

export function problems(form: Form, v: Values): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  const empty = (s: string) => s.trim() === '';
  if (form === 'note' && empty(v.text)) out.text = 'Write the note.';
  if (form === 'action') {
    if (empty(v.text)) out.text = 'Say what was done.';
    if (empty(v.who)) out.who = 'Say who did it.';
    if (Number.isNaN(new Date(v.when).getTime())) out.when = 'Give the date and time it was done.';
    else if (new Date(v.when).getTime() > Date.now() + 5 * 60_000)
      out.when = 'This cannot be in the future.';
  }
  if (form === 'decision') {
    if (empty(v.text)) out.text = 'Say what was decided.';
    if (empty(v.reason)) out.reason = 'Give the reason: the chronology must show why.';
  }
  if (form === 'amend') {
    if (!v.category && empty(v.text)) out.text = 'Choose a new category or write the correction.';
    if (empty(v.reason)) out.reason = 'Give the reason for the amendment.';
  }
  if (form === 'close' && empty(v.text)) out.text = 'Give the outcome.';
  if (form === 'reopen' && empty(v.reason)) out.reason = 'Say why it is being reopened.';
  return out;
}

export function build(
  form: Form,
  v: Values,
  incidentId: string,
  by: string,
  pack: PolicyPack | null,
): CaseEventPayload {
  const at = new Date().toISOString();
  const base = { incidentId, by, at };
  switch (form) {
    case 'note':
      return { type: 'case.note', ...base, text: v.text.trim() };
    case 'action':
      return {
        type: 'case.action',
        ...base,
        what: v.text.trim(),
        doneBy: v.who.trim(),
        doneAt: new Date(v.when).toISOString(),
      };
    case 'decision':
      return { type: 'case.decision', ...base, decision: v.text.trim(), reason: v.reason.trim() };
    case 'amend': {
      const c = pack?.categories.find((x) => x.id === v.category);
      return {
        type: 'case.amendment',
        ...base,
        category: c
          ? categoryChoice({
              id: c.id,
              label: c.label,
              area: c.risk,
              suspectedIllegal: c.flags.includes('suspectedIllegal'),
              dataBreach: c.flags.includes('dataBreach'),
            })
          : null,
        correction: v.text.trim(),
        reason: v.reason.trim(),
      };
    }
    case 'close':
      return { type: 'incident.closed', ...base, outcome: v.text.trim() };
    case 'reopen':
      return { type: 'incident.reopened', ...base, reason: v.reason.trim() };
  }
}
