/**
 * "Open an export bundle": reads a bundle another console made, decrypts it in memory with
 * its passphrase and shows its incidents as log rows. Nothing is written to storage, and
 * closing it (or locking, or leaving the page) drops it.
 */
import type { TargetedEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { CaseRules } from '../../domain/case-state.ts';
import { openExportBundle } from '../../crypto/export-bundle.ts';
import { logRows, type LogRow } from '../../domain/incident-log.ts';
import { plainError } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { casesOfExport, readExportContents, type ExportContents } from './export-contents.ts';
import { LogTable } from './LogTable.tsx';
import { exportedSignature } from './signature.ts';
import { showTime } from '../wizard/walk-state.ts';

interface Opened {
  contents: ExportContents;
  rows: LogRow[];
}

/** Bigger than any real export; a larger file is refused before it is read into memory. */
const MAX_BYTES = 200 * 1024 * 1024;

export function OpenBundlePanel({ rules }: { rules: CaseRules }) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);

  const submit = async (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    if (!file) return setProblem('Choose the export file first.');
    if (!passphrase) return setProblem('Type the passphrase the export was made with.');
    if (file.size > MAX_BYTES) return setProblem('This file is too big to be a Safetrail export.');
    setBusy(true);
    try {
      const contents = readExportContents(await openExportBundle(await file.text(), passphrase));
      const rows = logRows(casesOfExport(contents, rules), exportedSignature);
      setOpened({ contents, rows });
      setPassphrase('');
    } catch (err) {
      setProblem(plainError(err, 'The file could not be opened.'));
    } finally {
      setBusy(false);
    }
  };

  const c = opened?.contents;
  return (
    <section class="card no-print" aria-labelledby="open-export-heading">
      <h2 id="open-export-heading">Open an export bundle</h2>
      <p>
        To read records another safeguarding lead exported for you. They are shown here only:
        nothing is saved on this device, and they are gone when you close them or lock.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="field">
          <label for={fileId}>Export file</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <Field
          label="Passphrase for the export file"
          type="password"
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="off"
        />
        <div class="actions">
          <button type="submit" class="secondary" aria-disabled={busy ? 'true' : undefined}>
            {busy ? 'Opening…' : 'Open export'}
          </button>
        </div>
      </form>
      {busy && (
        <p role="status" class="muted">
          Checking the passphrase and decrypting…
        </p>
      )}
      {problem && <Notice tone="bad">{problem}</Notice>}
      {opened && c && (
        <div class="opened-export">
          <Notice tone="ok" title={`Export from ${c.school || 'a Safetrail console'}`}>
            Made {showTime(c.exportedAt)} by {c.exportedBy || 'an unnamed lead'}:{' '}
            {opened.rows.length} {opened.rows.length === 1 ? 'incident' : 'incidents'}.
          </Notice>
          <LogTable rows={opened.rows} caption={`Incidents in the export from ${c.school}`} />
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setOpened(null)}>
              Close this export
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
