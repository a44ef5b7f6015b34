/**
 * The incident log, drawn from known rows: the table in the paper log's six columns with
 * one line per action, the same rows as CSV (formulas neutralised) and its file name, and
 * date ranges and the academic year named the British way. Printing and the download itself
 * are left to the browser tests.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_COLUMNS, type LogRow } from '../../src/domain/incident-log.ts';
import { academicYear, rangeText } from '../../src/ui/reports/dates.ts';
import { logCsv, logFileName } from '../../src/ui/reports/log-csv.ts';
import { LogTable } from '../../src/ui/reports/LogTable.tsx';

afterEach(cleanup);

const ROWS: LogRow[] = [
  {
    incidentId: 'I1',
    reference: 'ST-0001',
    day: '2026-09-12',
    date: '12/09/2026',
    time: '10:00',
    incident: 'ST-0001. Cyberbullying. At Room 4. Unkind messages.',
    actions: [
      'Took a screenshot (by Mrs Class, 12/09/2026 10:05)',
      'Phoned parents (by Dana Lead, 12/09/2026 13:00)',
    ],
    reportedBy: 'Mrs Class',
    signature: 'Terry Teacher · Tablet 1 · key ABCD EFGH (signature verified)',
  },
  {
    incidentId: 'I2',
    reference: 'ST-0002',
    day: '2026-11-23',
    date: '23/11/2026',
    time: '08:40',
    incident: 'ST-0002. =HYPERLINK("x")',
    actions: [],
    reportedBy: 'Terry Teacher',
    signature: '',
  },
];

describe('the incident log table', () => {
  it('has the paper log’s six columns and one line per action', () => {
    render(<LogTable rows={ROWS} caption="E-safety incident log, all dates" />);
    const table = screen.getByRole('table', { name: 'E-safety incident log, all dates' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([...LOG_COLUMNS]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!).getAllByRole('cell');
    expect(first.map((c) => c.textContent)).toEqual([
      '12/09/2026',
      '10:00',
      'ST-0001. Cyberbullying. At Room 4. Unkind messages.',
      'Took a screenshot (by Mrs Class, 12/09/2026 10:05)Phoned parents (by Dana Lead, 12/09/2026 13:00)',
      'Mrs Class',
      'Terry Teacher · Tablet 1 · key ABCD EFGH (signature verified)',
    ]);
    expect(within(first[3]!).getAllByRole('listitem')).toHaveLength(2);
    expect(within(rows[1]!).getAllByRole('cell')[3]!.textContent).toBe('None recorded yet');
    // The wide table scrolls inside a focusable, named region (keyboard users can scroll it).
    const region = screen.getByRole('region', { name: 'E-safety incident log, all dates' });
    expect(region.tabIndex).toBe(0);
  });

  it('exports the same rows as CSV, actions one per line, formulas neutralised', () => {
    const csv = logCsv(ROWS);
    expect(
      csv.startsWith('\uFEFFDate,Time,Incident,Action Taken,Incident Reported By,Signature\r\n'),
    ).toBe(true);
    expect(csv).toContain(
      '"Took a screenshot (by Mrs Class, 12/09/2026 10:05)\nPhoned parents (by Dana Lead, 12/09/2026 13:00)"',
    );
    expect(csv).toContain('ST-0002. =HYPERLINK(""x"")');
    expect(logFileName(ROWS, '', '')).toBe('incident-log-2026-09-12-to-2026-11-23.csv');
    expect(logFileName(ROWS, '2026-09-01', '2026-11-23')).toBe(
      'incident-log-2026-09-01-to-2026-11-23.csv',
    );
    expect(logFileName([], '', '')).toBe('incident-log.csv');
  });

  it('names date ranges and the academic year the British way', () => {
    expect(rangeText('', '')).toBe('all dates');
    expect(rangeText('2026-09-01', '2026-11-23')).toBe('1 September 2026 to 23 November 2026');
    expect(academicYear(new Date(2026, 10, 23))).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(academicYear(new Date(2027, 7, 31))).toEqual({ from: '2026-09-01', to: '2027-08-31' });
  });
});
