/**
 * "Download encrypted export": the incidents in the chosen dates, opened content and all,
 * sealed in the browser under a passphrase the DSL chooses, for another DSL console or a
 * successor. The plaintext exists only in memory while the bundle is made.
 */
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { EXPORT_PASSPHRASE_MIN, sealExportBundle } from '../../crypto/export-bundle.ts';
import { localDate } from '../../domain/datetime.ts';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { afterPaint, downloadText } from './download.ts';
import { exportContents } from './export-contents.ts';

type Cases = Parameters<typeof exportContents>[0];

interface ExportPanelProps {
  cases: Cases;
  from: string;
  to: string;
  school: string;
  exportedBy: string;
}

export function exportPassphraseProblems(passphrase: string, again: string) {
  const problems: { passphrase?: string; again?: string } = {};
  if ([...passphrase].length < EXPORT_PASSPHRASE_MIN) {
    problems.passphrase = `Use at least ${EXPORT_PASSPHRASE_MIN} characters. A few unrelated words are strong and easy to pass on by phone.`;
  }
  if (again !== passphrase) problems.again = 'The two passphrases are not the same.';
  return problems;
}

export function ExportPanel({ cases, from, to, school, exportedBy }: ExportPanelProps) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; again?: string }>({});
  const [preparing, setPreparing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (preparing) return;
    setDone(null);
    setFailure(null);
    const problems = exportPassphraseProblems(passphrase, again);
    setErrors(problems);
    if (problems.passphrase || problems.again) return;
    if (cases.length === 0) {
      setFailure('There are no incidents in these dates to export.');
      return;
    }
    setPreparing(true);
    try {
      await afterPaint();
      const contents = exportContents(cases, { exportedBy, school, from, to });
      const text = await sealExportBundle(contents, passphrase);
      const name = `safetrail-export-${localDate()}.json`;
      downloadText(name, text, 'application/json');
      setPassphrase('');
      setAgain('');
      setDone(
        `${name} is downloading, with ${cases.length} ${cases.length === 1 ? 'incident' : 'incidents'}, encrypted. Give the passphrase to the person receiving it separately (by phone or in person), never with the file.`,
      );
    } catch (err) {
      setFailure(plainError(err, 'The export could not be made. Nothing was saved.'));
    } finally {
      setPreparing(false);
    }
  };

  return (
    <section class="card no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">Encrypted export for moving records</h2>
      <p>
        For handing these {cases.length} {cases.length === 1 ? 'incident' : 'incidents'} to another
        safeguarding lead or your successor. The file holds everything recorded about them,
        encrypted with a passphrase you choose here; only Safetrail, with that passphrase, can open
        it.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label="Export passphrase"
          type="password"
          hint={`At least ${EXPORT_PASSPHRASE_MIN} characters.`}
          value={passphrase}
          onInput={setPassphrase}
          error={errors.passphrase}
          autoComplete="new-password"
        />
        <Field
          label="Export passphrase again"
          type="password"
          value={again}
          onInput={setAgain}
          error={errors.again}
          autoComplete="new-password"
        />
        <div class="actions">
          <button type="submit" aria-disabled={preparing ? 'true' : undefined}>
            {preparing ? 'Preparing…' : 'Download encrypted export'}
          </button>
        </div>
      </form>
      {preparing && (
        <p role="status" class="muted">
          Encrypting the export…
        </p>
      )}
      {done && <Notice tone="ok">{done}</Notice>}
      {failure && <Notice tone="bad">{failure}</Notice>}
    </section>
  );
}
