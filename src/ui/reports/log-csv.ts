/** The incident log as a CSV file for a spreadsheet: the paper log's columns, one row each. */
import { toCsv } from '../../domain/csv.ts';
import { LOG_COLUMNS, type LogRow } from '../../domain/incident-log.ts';

/** One cell per column; the Action Taken cell keeps one action per line. */
export function logCsv(rows: readonly LogRow[]): string {
  return toCsv(
    LOG_COLUMNS,
    rows.map((r) => [r.date, r.time, r.incident, r.actions.join('\n'), r.reportedBy, r.signature]),
  );
}

/** `incident-log-2026-09-01-to-2026-11-23.csv`: the range asked for, else the rows' own. */
export function logFileName(rows: readonly LogRow[], from: string, to: string): string {
  const first = from || rows[0]?.day || '';
  const last = to || rows[rows.length - 1]?.day || '';
  return first && last ? `incident-log-${first}-to-${last}.csv` : 'incident-log.csv';
}
