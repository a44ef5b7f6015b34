/**
 * The console's reports, drawn from known figures: the governor summary (figures, chart
 * labels, the tables behind the charts, and no names), the incident log table in the paper
 * log's columns, the CSV, the progress bar, and an export bundle made from real events and
 * opened again on screen (real PBKDF2 and AES-GCM; nothing is stored). Printing and the
 * file download itself are left to the browser tests.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { sealExportBundle } from '../../src/crypto/export-bundle.ts';
import { summariseCase } from '../../src/domain/case-state.ts';
import { buildChronology } from '../../src/domain/chronology.ts';
import type { GovernorSummary } from '../../src/domain/governor-summary.ts';
import { LOG_COLUMNS, logRows, type LogRow } from '../../src/domain/incident-log.ts';
import { WorkProgress } from '../../src/ui/components/WorkProgress.tsx';
import { ExportPanel } from '../../src/ui/reports/ExportPanel.tsx';
import {
  casesOfExport,
  exportContents,
  readExportContents,
} from '../../src/ui/reports/export-contents.ts';
import { logCsv, logFileName } from '../../src/ui/reports/log-csv.ts';
import { LogTable } from '../../src/ui/reports/LogTable.tsx';
import { OpenBundlePanel } from '../../src/ui/reports/OpenBundlePanel.tsx';
import { exportedSignature, verifiedSignature } from '../../src/ui/reports/signature.ts';
import { GovernorSummaryView, showHours } from '../../src/ui/reports/SummaryView.tsx';
import { academicYear, rangeText } from '../../src/ui/reports/dates.ts';
import { caseEvent, created, RULES } from '../unit/domain/case-fixtures.ts';

afterEach(cleanup);

const SUMMARY: GovernorSummary = {
  from: '2026-09-01',
  to: '2026-11-30',
  total: 6,
  open: 2,
  closed: 4,
  awaitingFirstAction: 1,
  byCategory: [
    { key: 'cyberbullying', label: 'Cyberbullying', count: 4 },
    { key: 'data-loss', label: 'Personal data lost', count: 2 },
  ],
  byMonth: [
    { key: '2026-09', label: 'Sep 2026', count: 1 },
    { key: '2026-10', label: 'Oct 2026', count: 0 },
    { key: '2026-11', label: 'Nov 2026', count: 5 },
  ],
  byTerm: [{ key: '2026-1', label: 'Autumn 2026/27', count: 6 }],
  byFlag: [{ key: 'data-breach', label: 'Data breach', count: 2 }],
  firstAction: { acted: 5, medianHours: 2, within24h: 0.8, longestHours: 50 },
};

describe('the governor summary view', () => {
  it('shows the figures, open against closed, and the time to first action', () => {
    render(<GovernorSummaryView summary={SUMMARY} />);
    const figure = (id: string) => screen.getByTestId(id).textContent;
    expect(figure('figure-total')).toBe('6');
    expect(figure('figure-open')).toBe('2');
    expect(figure('figure-closed')).toBe('4');
    expect(figure('figure-awaiting')).toBe('1');
    expect(figure('figure-median')).toBe('2 hours');
    expect(figure('figure-within-24h')).toBe('80%');
    expect(figure('figure-longest')).toBe('50 hours (2.1 days)');
  });

  it('labels every bar and column with its category or month and its number, as text', () => {
    render(<GovernorSummaryView summary={SUMMARY} />);
    const texts = (id: string) =>
      [...screen.getByTestId(id).querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts('chart-category')).toEqual(['Cyberbullying', '4', 'Personal data lost', '2']);
    expect(texts('chart-month')).toEqual([
      '1',
      'Sep',
      '2026',
      '0',
      'Oct',
      '2026',
      '5',
      'Nov',
      '2026',
    ]);
    // Each chart is a figure named by its caption, with the same figures as a table.
    const byCategory = screen.getByRole('figure', { name: 'Incidents by category' });
    const table = within(byCategory).getByRole('table', { name: 'Incidents by category' });
    const cells = [...table.querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(cells).toEqual([
      ['Cyberbullying', '4'],
      ['Personal data lost', '2'],
    ]);
    expect(screen.getByRole('figure', { name: 'Incidents by month' })).toBeTruthy();
    expect(byCategory.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('has the term and urgent-flag tables', () => {
    render(<GovernorSummaryView summary={SUMMARY} />);
    const term = screen.getByRole('table', { name: 'Incidents by term' });
    expect(within(term).getByRole('rowheader', { name: 'Autumn 2026/27' })).toBeTruthy();
    expect(within(term).getByRole('cell', { name: '6' })).toBeTruthy();
    const flags = screen.getByRole('table', { name: 'Incidents raising each urgent flag' });
    expect(within(flags).getByRole('rowheader', { name: 'Data breach' })).toBeTruthy();
  });

  it('says so plainly when nothing happened or nobody has acted yet', () => {
    const none: GovernorSummary = {
      ...SUMMARY,
      total: 0,
      open: 0,
      closed: 0,
      awaitingFirstAction: 0,
      byCategory: [],
      byTerm: [],
      byFlag: [],
      firstAction: { acted: 0, medianHours: null, within24h: null, longestHours: null },
    };
    render(<GovernorSummaryView summary={none} />);
    expect(screen.getByText('No incidents were recorded in these dates.')).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('writes durations in plain words', () => {
    expect(showHours(0.75)).toBe('45 minutes');
    expect(showHours(1)).toBe('1 hour');
    expect(showHours(2.54)).toBe('2.5 hours');
    expect(showHours(72)).toBe('72 hours (3 days)');
    expect(showHours(null)).toBe('Not yet known');
  });
});

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

describe('progress for long work', () => {
  it('shows a labelled bar with the count as text, or an indeterminate bar', () => {
    const { rerender } = render(
      <WorkProgress progress={{ label: 'Opening records', done: 200, total: 3000 }} />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Opening records' });
    expect(bar.getAttribute('value')).toBe('200');
    expect(bar.getAttribute('max')).toBe('3000');
    expect(screen.getByRole('status').textContent).toBe('Opening records: 200 of 3,000');
    rerender(<WorkProgress progress={{ label: 'Fetching new records', done: 0, total: 0 }} />);
    const busy = screen.getByRole('progressbar', { name: 'Fetching new records' });
    expect(busy.hasAttribute('value')).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('Fetching new records…');
  });
});

/** Opened events as a console holds them: with the device's name and verified key. */
function openedEvents() {
  const id = '01JB0000000000000000000I01';
  const by = 'Dana Lead';
  return [
    created({
      id,
      recordedAt: '2026-10-01T09:05:00.000Z',
      when: '2026-10-01T08:40',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
      what: 'Unkind messages in the class chat.',
      reportedBy: 'Mrs Class',
    }),
    caseEvent({
      type: 'case.action',
      incidentId: id,
      what: 'Phoned parents',
      doneBy: by,
      doneAt: '2026-10-01T13:00:00.000Z',
      by,
      at: '2026-10-01T13:05:00.000Z',
    }),
  ].map((e, i) => ({ ...e, deviceName: 'Tablet 1', signer: 'ABCD EFGH', logIndex: i }));
}

const consoleCases = () =>
  buildChronology(openedEvents()).incidents.map((chronology) => ({
    chronology,
    summary: summariseCase(chronology, RULES),
  }));

describe('the encrypted export', () => {
  it('carries what another console needs to rebuild the same log', () => {
    const cases = consoleCases();
    const contents = exportContents(cases, {
      exportedBy: 'Dana Lead',
      school: 'Gracefield School',
      from: '',
      to: '',
      now: new Date('2026-11-23T10:00:00.000Z'),
    });
    expect(contents.incidents[0]!.events[0]).toMatchObject({
      deviceName: 'Tablet 1',
      signer: 'ABCD EFGH',
    });
    expect(contents.incidents[0]!.summary.what).toBe('Unkind messages in the class chat.');
    const back = casesOfExport(readExportContents(JSON.parse(JSON.stringify(contents))), RULES);
    const here = logRows(cases, verifiedSignature);
    const there = logRows(back, exportedSignature);
    expect(there.map(({ signature: _s, ...r }) => r)).toEqual(
      here.map(({ signature: _s, ...r }) => r),
    );
    expect(there[0]!.signature).toBe(
      'Terry Teacher · Tablet 1 · key ABCD EFGH (signature verified by the console that made the export)',
    );
    expect(() => readExportContents({ kind: 'other' })).toThrow(/not incident records/);
  });

  it('asks for a 12-character passphrase, typed twice the same', async () => {
    render(
      <ExportPanel
        cases={consoleCases()}
        from=""
        to=""
        school="Gracefield School"
        exportedBy="Dana Lead"
      />,
    );
    fireEvent.input(screen.getByLabelText('Export passphrase'), { target: { value: 'too short' } });
    fireEvent.input(screen.getByLabelText('Export passphrase again'), {
      target: { value: 'different' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted export' }));
    expect(await screen.findByText(/Use at least 12 characters/)).toBeTruthy();
    expect(screen.getByText('The two passphrases are not the same.')).toBeTruthy();
    expect(screen.getByLabelText('Export passphrase').getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a bundle in memory and shows its log rows; a wrong passphrase is refused', async () => {
    const contents = exportContents(consoleCases(), {
      exportedBy: 'Dana Lead',
      school: 'Gracefield School',
      from: '',
      to: '',
    });
    const text = await sealExportBundle(contents, 'a long export passphrase');
    render(<OpenBundlePanel rules={RULES} />);
    const input = screen.getByLabelText('Export file');
    const file = new File([text], 'safetrail-export-2026-11-23.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);

    const passphrase = screen.getByLabelText('Passphrase for the export file');
    fireEvent.input(passphrase, { target: { value: 'not the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open export' }));
    expect(
      await screen.findByText(/That passphrase does not open this export/, {}, { timeout: 10_000 }),
    ).toBeTruthy();

    fireEvent.input(passphrase, { target: { value: 'a long export passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open export' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Incidents in the export from Gracefield School' },
      { timeout: 10_000 },
    );
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('01/10/2026');
    expect(cells[2]!.textContent).toContain('Unkind messages in the class chat.');
    expect(cells[4]!.textContent).toBe('Mrs Class');
    fireEvent.click(screen.getByRole('button', { name: 'Close this export' }));
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
  });
});
