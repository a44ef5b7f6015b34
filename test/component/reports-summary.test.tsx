/**
 * The governor summary view, drawn from known figures: the totals, open against closed and
 * the time to first action, every chart labelled as text with the same figures as a table,
 * the term and urgent-flag tables, the plain words when there is nothing to show, and
 * durations written out. It shows no names, references or free text.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { GovernorSummary } from '../../src/domain/governor-summary.ts';
import { GovernorSummaryView, showHours } from '../../src/ui/reports/SummaryView.tsx';

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
