/**
 * State for a form of text fields that is checked on submit and then runs one piece of work
 * that may fail: the values, the problems shown by each field, the failure shown above the
 * form, and whether the work is running (so it cannot be started twice).
 */
import { useState } from 'preact/hooks';
import { plainError } from './errors.ts';

/** What a Field needs to show one value of the form and its problem. */
export interface FieldBinding {
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
}

export interface FormOptions {
  /**
   * Leaves the last failure up until another replaces it, instead of clearing it at every
   * submit: the staff-profile screen has always worked this way.
   */
  keepFailure?: boolean;
}

export function useForm<K extends string>(initial: Record<K, string>, options: FormOptions = {}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  return {
    values,
    errors,
    failure,
    busy,
    field: (key: K): FieldBinding => ({
      value: values[key],
      onInput: (value) => setValues((v) => ({ ...v, [key]: value })),
      error: errors[key],
    }),
    /** Shows `problems` by their fields; true when there are none and the work may start. */
    check(problems: Partial<Record<K, string>>): boolean {
      setErrors(problems);
      if (!options.keepFailure) setFailure('');
      return Object.keys(problems).length === 0;
    },
    /** Runs the work with the form busy; whatever it throws is shown as one plain sentence. */
    async run(work: () => Promise<void>): Promise<void> {
      setBusy(true);
      try {
        await work();
      } catch (err) {
        setFailure(plainError(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
