/**
 * Immediate actions taken: the Reporting Log's "Action taken: What? By whom?" with when.
 * These are what the member of staff did at the time; the DSL's later decisions are their
 * own `action.recorded` events.
 */
import { dateTimeProblem } from './datetime.ts';

export interface ActionTaken {
  id: string;
  what: string;
  by: string;
  /** Local date and time, as a datetime-local input gives it. */
  when: string;
}

export const ACTION_LIMITS = { what: 2_000, by: 200 } as const;

export function newAction(id: string, by: string, when: string): ActionTaken {
  return { id, what: '', by, when };
}

/** Problems keyed `actions.<id>.<field>`, in plain words. */
export function validateActions(actions: ActionTaken[], now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const a of actions) {
    const at = `actions.${a.id}`;
    if (!a.what.trim()) errors[`${at}.what`] = 'Say what was done, or remove this action.';
    else if (a.what.length > ACTION_LIMITS.what)
      errors[`${at}.what`] = `At most ${ACTION_LIMITS.what.toLocaleString('en-GB')} characters.`;
    if (!a.by.trim()) errors[`${at}.by`] = 'Say who did it.';
    else if (a.by.length > ACTION_LIMITS.by)
      errors[`${at}.by`] = `At most ${ACTION_LIMITS.by} characters.`;
    const when = dateTimeProblem(a.when, now, 'Give the date and time it was done.');
    if (when) errors[`${at}.when`] = when;
  }
  return errors;
}
