/**
 * Choosing a new passphrase (set-up and joining as a lead): the field, its strength meter
 * and the repeat, with one shared check so every lead's passphrase meets the same bar.
 */
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../crypto/passphrase-strength.ts';
import { Field } from '../components/Field.tsx';
import type { FieldBinding } from '../components/use-form.ts';
import { PassphraseMeter } from './PassphraseMeter.tsx';

/** Plain-English problems with a chosen passphrase and its repeat, keyed by field. */
export function newPassphraseProblems(
  passphrase: string,
  confirm: string,
): { passphrase?: string; confirm?: string } {
  const problems: { passphrase?: string; confirm?: string } = {};
  if (!passphraseStrength(passphrase).acceptable) {
    problems.passphrase = `Choose a longer passphrase: at least ${MIN_PASSPHRASE_LENGTH} characters, ideally several words.`;
  }
  if (confirm !== passphrase) problems.confirm = 'The two passphrases are different.';
  return problems;
}

export function NewPassphrase(props: { passphrase: FieldBinding; confirm: FieldBinding }) {
  return (
    <>
      <Field
        label="Passphrase"
        type="password"
        hint={`At least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are strong and easy to remember.`}
        {...props.passphrase}
        autoComplete="new-password"
      />
      <PassphraseMeter passphrase={props.passphrase.value} />
      <Field
        label="Passphrase again"
        type="password"
        {...props.confirm}
        autoComplete="new-password"
      />
    </>
  );
}
