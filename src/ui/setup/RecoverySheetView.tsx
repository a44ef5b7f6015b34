import { useState } from 'preact/hooks';
import { displayFingerprint } from '../../crypto/signing.ts';
import type { RecoverySheet } from './create-school.ts';
import { RecoveryShares } from './RecoveryShares.tsx';

/**
 * The break-glass recovery key, shown exactly once. Whoever holds it can open every record
 * if all DSL keys are lost, so it is printed and locked away, never stored by the app.
 */
export function RecoverySheetView({ sheet, onDone }: { sheet: RecoverySheet; onDone: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const groups = sheet.recoveryKey.match(/.{1,4}/g)?.join(' ') ?? sheet.recoveryKey;
  return (
    <>
      <h1>Print the recovery sheet now</h1>
      <p class="no-print">
        This is the only time the break-glass recovery key is shown. Print this page (or write the
        key down exactly) and keep it locked away, for example in the school safe. Without it, if
        every DSL’s key is lost, sealed records cannot be opened.
      </p>
      <section class="card" aria-labelledby="sheet-title">
        <h2 id="sheet-title">Safetrail break-glass recovery sheet</h2>
        <dl class="incident">
          <dt>School</dt>
          <dd>{sheet.schoolName}</dd>
          <dt>Created</dt>
          <dd>{new Date(sheet.createdAt).toLocaleString('en-GB')}</dd>
          <dt>School key fingerprint</dt>
          <dd class="mono">{displayFingerprint(sheet.fingerprint)}</dd>
          <dt>Recovery key id</dt>
          <dd class="mono">{sheet.recoveryKid}</dd>
          <dt>Recovery key (secret)</dt>
          <dd class="mono recovery-key" data-testid="recovery-key">
            {groups}
          </dd>
        </dl>
        <p>
          OFFICIAL-SENSITIVE. Keep with the school’s safeguarding records. Do not photograph or
          e-mail this sheet.
        </p>
      </section>
      <RecoveryShares recoveryKey={sheet.recoveryKey} kid={sheet.recoveryKid} />
      <div class="actions no-print">
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print the recovery sheet
        </button>
      </div>
      <div class="card no-print">
        <label class="checkbox">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
          I have printed or written down the recovery key and will keep it locked away.
        </label>
        <div class="actions">
          <button type="button" disabled={!confirmed} onClick={onDone}>
            Continue to the safeguarding console
          </button>
        </div>
      </div>
    </>
  );
}
