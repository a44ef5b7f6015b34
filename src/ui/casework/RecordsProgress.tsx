/** The progress of pulling and opening records, while the console is doing it. */
import { WorkProgress } from '../components/WorkProgress.tsx';
import type { ConsoleRecords } from '../wizard/use-console-records.ts';

export function RecordsProgress({ records }: { records: ConsoleRecords }) {
  if (!records.busy) return null;
  return (
    <WorkProgress progress={records.progress} label="Opening the records this console holds" />
  );
}
