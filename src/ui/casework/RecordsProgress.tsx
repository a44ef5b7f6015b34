/**
 * The records bar every console screen shares: checking the endpoint for new records, the
 * progress of pulling and opening them, and why the endpoint could not be asked.
 */
import { Notice } from '../components/Notice.tsx';
import { WorkProgress } from '../components/WorkProgress.tsx';
import type { ConsoleRecords } from '../wizard/use-console-records.ts';

export function CheckForRecords({ records }: { records: ConsoleRecords }) {
  return (
    <button
      type="button"
      class="secondary"
      disabled={records.busy}
      onClick={() => void records.refresh(true)}
    >
      {records.busy ? 'Checking…' : 'Check for new records'}
    </button>
  );
}

/** Progress while busy, and the offline or unreachable notice. */
export function RecordsProgress({ records }: { records: ConsoleRecords }) {
  return (
    <>
      {records.busy && (
        <WorkProgress progress={records.progress} label="Opening the records this console holds" />
      )}
      {records.network && <Notice tone="warn">{records.network}</Notice>}
    </>
  );
}
