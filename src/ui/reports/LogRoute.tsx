/**
 * `/console/log`: the e-safety incident log in the columns of the ODST paper Reporting Log,
 * for any range of dates, with its exports: a CSV for a spreadsheet, a print (or PDF) laid
 * out like the paper log, and an encrypted bundle for moving records. Everything is built
 * in the browser from the records opened in memory; the endpoint has no plaintext to give.
 */
import { useMemo, useState } from 'preact/hooks';
import { logRows, rowsBetween } from '../../domain/incident-log.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { caseRules } from '../casework/case-rules.ts';
import { CheckForRecords, RecordsProgress } from '../casework/RecordsProgress.tsx';
import { useCases } from '../casework/use-cases.ts';
import { ConsoleFrame } from '../wizard/ConsoleFrame.tsx';
import { DateRange } from './DateRange.tsx';
import { rangeProblem, rangeText } from './dates.ts';
import { afterPaint, downloadText } from './download.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { logCsv, logFileName } from './log-csv.ts';
import { LogTable } from './LogTable.tsx';
import { OpenBundlePanel } from './OpenBundlePanel.tsx';
import { verifiedSignature } from './signature.ts';

export function LogRoute() {
  return (
    <ConsoleFrame>
      <LogPage />
    </ConsoleFrame>
  );
}

function LogPage() {
  const { records, cases, ready } = useCases();
  const { pack } = usePolicy();
  const { device, dsl } = useSession();
  const [range, setRange] = useState({ from: '', to: '' });
  const [preparing, setPreparing] = useState(false);
  const { from, to } = range;

  const rows = useMemo(() => logRows(cases, verifiedSignature), [cases]);
  const shown = useMemo(
    () => (rangeProblem(from, to) ? [] : rowsBetween(rows, from, to)),
    [rows, from, to],
  );
  const selected = useMemo(() => {
    const ids = new Set(shown.map((r) => r.incidentId));
    return cases.filter((c) => ids.has(c.summary.incidentId));
  }, [cases, shown]);
  const notHere = cases.length - rows.length;
  const school = pack?.school.name || device?.schoolName || '';
  const rangeLabel = rangeText(from, to);

  const downloadCsv = async () => {
    if (preparing) return;
    setPreparing(true);
    try {
      // A log of thousands of rows takes a moment to build: let "Preparing…" show first.
      await afterPaint();
      downloadText(logFileName(shown, from, to), logCsv(shown), 'text/csv;charset=utf-8');
    } finally {
      setPreparing(false);
    }
  };

  return (
    <div class="report-page report-log">
      <header class="report-heading">
        <p class="report-marking">OFFICIAL-SENSITIVE</p>
        <h1>E-safety incident log</h1>
        <p class="report-subtitle">
          {school && <>{school} · </>}Reporting log, {rangeLabel}
        </p>
      </header>
      <div class="report-controls no-print">
        <div class="actions">
          <CheckForRecords records={records} />
        </div>
        <RecordsProgress records={records} />
        <DateRange
          legend="Dates to show"
          from={from}
          to={to}
          onChange={setRange}
          resetLabel="Show all dates"
          onReset={() => setRange({ from: '', to: '' })}
        />
        <p role="status" class="report-count">
          {!ready
            ? 'Loading the log…'
            : `Showing ${shown.length} of ${rows.length} ${rows.length === 1 ? 'incident' : 'incidents'}.`}
          {ready && notHere > 0 && (
            <>
              {' '}
              {notHere} more {notHere === 1 ? 'has' : 'have'} actions recorded here but the incident
              record itself has not arrived, so {notHere === 1 ? 'it is' : 'they are'} not in the
              log yet.
            </>
          )}
        </p>
        <div class="actions">
          <button
            type="button"
            aria-disabled={preparing ? 'true' : undefined}
            onClick={() => void downloadCsv()}
          >
            {preparing ? 'Preparing…' : 'Download CSV'}
          </button>
          <button type="button" class="secondary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
        <p class="muted">
          The CSV file and a saved PDF are not encrypted: keep them on the school’s secure drive,
          and delete them from this computer’s Downloads when you are done.
        </p>
      </div>
      <LogTable rows={shown} caption={`E-safety incident log, ${rangeLabel}`} />
      <p class="report-marking report-marking-end">OFFICIAL-SENSITIVE</p>
      <ExportPanel
        cases={selected}
        from={from}
        to={to}
        school={school}
        exportedBy={dsl?.name ?? ''}
      />
      {pack && <OpenBundlePanel rules={caseRules(pack)} />}
    </div>
  );
}
