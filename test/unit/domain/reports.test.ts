import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/domain/csv.ts';
import { governorSummary, termOf } from '../../../src/domain/governor-summary.ts';
import { LOG_COLUMNS, logRows, rowsBetween } from '../../../src/domain/incident-log.ts';
import { caseEvent, created, RULES, summaries } from './case-fixtures.ts';

const id = (n: number) => `01JB0000000000000000000I${String(n).padStart(2, '0')}`;
const by = 'Dana Lead';

describe('the e-safety incident log', () => {
  const { cases } = summaries([
    created({
      id: id(1),
      recordedAt: '2026-10-01T09:05:00.000Z',
      when: '2026-10-01T08:40',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
      what: 'Unkind messages in the class chat.',
      where: 'Year 6 classroom',
      reportedBy: 'Mrs Class',
      actions: [{ what: 'Took a screenshot', by: 'Mrs Class', when: '2026-10-01T08:50' }],
    }),
    caseEvent({
      type: 'case.action',
      incidentId: id(1),
      what: 'Phoned parents',
      doneBy: 'Dana Lead',
      doneAt: '2026-10-01T13:00:00.000Z',
      by,
      at: '2026-10-01T13:05:00.000Z',
    }),
    caseEvent({
      type: 'case.decision',
      incidentId: id(1),
      decision: 'No referral to children’s social care',
      reason: 'Low level; handled in school.',
      by,
      at: '2026-10-01T13:10:00.000Z',
    }),
    caseEvent({
      type: 'incident.closed',
      incidentId: id(1),
      outcome: 'Apology given',
      by,
      at: '2026-10-02T09:00:00.000Z',
    }),
    created({
      id: id(2),
      recordedAt: '2026-09-12T10:00:00.000Z',
      when: '2026-09-12T10:00',
      what: 'Virus on a laptop.',
    }),
  ]);
  const rows = logRows(cases, (s) => `${s.recordedBy} · Tablet 1 · key ABCD EFGH`);

  it('has the paper log’s columns, oldest first, with what was done, by whom and when', () => {
    expect(LOG_COLUMNS).toEqual([
      'Date',
      'Time',
      'Incident',
      'Action Taken',
      'Incident Reported By',
      'Signature',
    ]);
    expect(rows.map((r) => r.date)).toEqual(['12/09/2026', '01/10/2026']);
    const r = rows[1]!;
    expect(r.time).toBe('08:40');
    expect(r.incident).toContain('Cyberbullying');
    expect(r.incident).toContain('Unkind messages in the class chat.');
    expect(r.reportedBy).toBe('Mrs Class');
    expect(r.signature).toBe('Terry Teacher · Tablet 1 · key ABCD EFGH');
    expect(r.actions[0]).toBe('Took a screenshot (by Mrs Class, 01/10/2026 08:50)');
    expect(r.actions[1]).toMatch(/^Phoned parents \(by Dana Lead, 01\/10\/2026 \d\d:00\)$/);
    expect(r.actions[2]).toMatch(
      /^Decision: No referral .* Reason: Low level; handled in school\. \(by Dana Lead/,
    );
    expect(r.actions[3]).toMatch(/^Closed: Apology given \(by Dana Lead/);
  });

  it('filters by date range, inclusive', () => {
    expect(rowsBetween(rows, '2026-10-01', '2026-10-01').map((r) => r.incidentId)).toEqual([id(1)]);
    expect(rowsBetween(rows, '', '2026-09-30').map((r) => r.incidentId)).toEqual([id(2)]);
    expect(rowsBetween(rows, '2026-10-02', '')).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('she said "stop"')).toBe('"she said ""stop"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(
      '"\'=HYPERLINK(""http://x"",""click"")"',
    );
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes a header, CRLF rows and a byte-order mark for spreadsheets', () => {
    expect(toCsv(['A', 'B'], [['1', 'x,y']])).toBe('\uFEFFA,B\r\n1,"x,y"\r\n');
  });
});

describe('the governor summary', () => {
  // Five incidents: three in the autumn term (two in October), two in the spring term.
  const events = [
    created({
      id: id(1),
      recordedAt: '2026-10-01T09:00:00.000Z',
      when: '2026-10-01T08:30',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
      people: [{ name: 'Amy Pupil', role: 'victim', kind: 'pupil' }],
      what: 'Amy was sent threats',
    }),
    caseEvent({
      type: 'case.note',
      incidentId: id(1),
      text: 'Seen.',
      by,
      at: '2026-10-01T11:00:00.000Z',
    }),
    caseEvent({
      type: 'incident.closed',
      incidentId: id(1),
      outcome: 'Resolved',
      by,
      at: '2026-10-02T09:00:00.000Z',
    }),
    created({
      id: id(2),
      recordedAt: '2026-10-20T09:00:00.000Z',
      when: '2026-10-20T09:00',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
    }),
    caseEvent({
      type: 'case.note',
      incidentId: id(2),
      text: 'Seen.',
      by,
      at: '2026-10-22T09:00:00.000Z',
    }),
    created({
      id: id(3),
      recordedAt: '2026-12-01T09:00:00.000Z',
      when: '2026-12-01T09:00',
      category: { id: 'data-loss', label: 'Personal data lost', dataBreach: true },
    }),
    caseEvent({
      type: 'case.action',
      incidentId: id(3),
      what: 'Told the DPO',
      doneBy: by,
      doneAt: '2026-12-01T10:00:00.000Z',
      by,
      at: '2026-12-01T10:00:00.000Z',
    }),
    caseEvent({
      type: 'incident.closed',
      incidentId: id(3),
      outcome: 'Reported',
      by,
      at: '2026-12-01T12:00:00.000Z',
    }),
    created({
      id: id(4),
      recordedAt: '2027-01-15T09:00:00.000Z',
      when: '2027-01-15T09:00',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
    }),
    created({
      id: id(5),
      recordedAt: '2027-02-03T09:00:00.000Z',
      when: '2027-02-03T09:00',
      category: null,
    }),
    // Outside the range asked for.
    created({
      id: id(6),
      recordedAt: '2026-08-30T09:00:00.000Z',
      when: '2026-08-30T09:00',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
    }),
  ];
  const { cases } = summaries(events, RULES);
  const s = governorSummary(
    cases.map((c) => c.summary),
    '2026-09-01',
    '2027-02-28',
  );

  it('counts by category, month and term, and open against closed', () => {
    expect(s.total).toBe(5);
    expect(s.open).toBe(3);
    expect(s.closed).toBe(2);
    expect(s.awaitingFirstAction).toBe(2);
    expect(s.byCategory.map((c) => [c.label, c.count])).toEqual([
      ['Cyberbullying', 3],
      ['Not categorised', 1],
      ['Personal data lost', 1],
    ]);
    expect(s.byMonth.map((c) => [c.label, c.count])).toEqual([
      ['Sep 2026', 0],
      ['Oct 2026', 2],
      ['Nov 2026', 0],
      ['Dec 2026', 1],
      ['Jan 2027', 1],
      ['Feb 2027', 1],
    ]);
    expect(s.byTerm.map((c) => [c.label, c.count])).toEqual([
      ['Autumn 2026/27', 3],
      ['Spring 2026/27', 2],
    ]);
    expect(s.byFlag.map((c) => [c.label, c.count])).toEqual([
      ['Child at risk', 1],
      ['Data breach', 1],
    ]);
  });

  it('measures the time from the report to the first DSL action', () => {
    // 2 h, 48 h and 1 h: median 2 h, two of three within a day, longest 48 h.
    expect(s.firstAction).toEqual({ acted: 3, medianHours: 2, within24h: 2 / 3, longestHours: 48 });
  });

  it('carries no names or free text', () => {
    const text = JSON.stringify(s);
    for (const secret of ['Amy', 'threats', 'Terry', 'Dana', 'Room 4', 'Resolved', 'Seen.']) {
      expect(text).not.toContain(secret);
    }
  });

  it('places dates in the English school terms', () => {
    expect(termOf('2026-09-01').label).toBe('Autumn 2026/27');
    expect(termOf('2027-03-31').label).toBe('Spring 2026/27');
    expect(termOf('2027-04-01').label).toBe('Summer 2026/27');
    expect(termOf('2027-08-31').label).toBe('Summer 2026/27');
  });
});
