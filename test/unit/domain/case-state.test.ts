import { describe, expect, it } from 'vitest';
import { isCaseEventPayload } from '../../../src/domain/case-events.ts';
import { addYears, isUrgent, retentionFor } from '../../../src/domain/case-state.ts';
import { caseEvent, created, event, RULES, summaries } from './case-fixtures.ts';

const INC = '01JB000000000000000000INC1';
const by = 'Dana Lead';

describe('the state of a case', () => {
  it('is new until a DSL acts, open after, closed with its outcome, and open again when reopened', () => {
    const base = created({ id: INC, recordedAt: '2026-10-01T09:00:00.000Z' });
    const note = caseEvent({
      type: 'case.note',
      incidentId: INC,
      text: 'Spoke to the class teacher.',
      by,
      at: '2026-10-01T11:30:00.000Z',
    });
    const close = caseEvent({
      type: 'incident.closed',
      incidentId: INC,
      outcome: 'Parents informed; no further action.',
      by,
      at: '2026-10-03T15:00:00.000Z',
    });
    const reopen = caseEvent({
      type: 'incident.reopened',
      incidentId: INC,
      reason: 'A second screenshot came to light.',
      by,
      at: '2026-10-05T08:00:00.000Z',
    });

    expect(summaries([base]).cases[0]!.summary.status).toBe('new');
    const open = summaries([base, note]).cases[0]!.summary;
    expect(open.status).toBe('open');
    expect(open.firstActionAt).toBe('2026-10-01T11:30:00.000Z');
    const closed = summaries([base, note, close]).cases[0]!.summary;
    expect(closed).toMatchObject({
      status: 'closed',
      closedBy: by,
      outcome: 'Parents informed; no further action.',
    });
    const again = summaries([reopen, close, base, note]).cases[0]!.summary;
    expect(again).toMatchObject({ status: 'open', closedAt: null, outcome: null });
  });

  it('raises the urgent flags the content calls for, and a data-breach clock from the report', () => {
    const { cases } = summaries([
      created({
        id: INC,
        recordedAt: '2026-10-01T09:00:00.000Z',
        category: { id: 'personal-data-lost', label: 'Personal data lost', dataBreach: true },
        people: [
          { name: 'Amy Pupil', role: 'victim', kind: 'pupil' },
          { name: 'Mr Staff', role: 'instigator', kind: 'staff' },
        ],
        suspectedIllegal: true,
      }),
      created({
        id: `${INC.slice(0, -1)}2`,
        recordedAt: '2026-10-02T09:00:00.000Z',
        people: [{ name: 'Bo', role: 'witness', kind: 'pupil' }],
      }),
      created({
        id: `${INC.slice(0, -1)}3`,
        recordedAt: '2026-10-02T10:00:00.000Z',
        category: { id: 'staff-misuse', label: 'Staff misuse' },
      }),
    ]);
    const [a, b, c] = cases.map((x) => x.summary);
    expect(a!.flags).toEqual([
      'suspected-illegal',
      'child-at-risk',
      'staff-involved',
      'data-breach',
    ]);
    expect(a!.breachDeadline).toBe('2026-10-04T09:00:00.000Z');
    expect(isUrgent(a!)).toBe(true);
    expect(b!.flags).toEqual([]);
    expect(isUrgent(b!)).toBe(false);
    expect(c!.flags).toEqual(['staff-involved']);
  });

  it('takes a category changed by a DSL amendment, which then decides the flags and retention', () => {
    const { cases } = summaries([
      created({ id: INC, recordedAt: '2026-10-01T09:00:00.000Z', category: null }),
      caseEvent({
        type: 'case.amendment',
        incidentId: INC,
        category: {
          id: 'suspected-illegal-material',
          label: 'Suspected illegal material',
          area: 'content',
          suspectedIllegal: true,
          dataBreach: false,
        },
        correction: '',
        reason: 'The images described are indecent.',
        by,
        at: '2026-10-01T10:00:00.000Z',
      }),
      caseEvent({
        type: 'incident.closed',
        incidentId: INC,
        outcome: 'Referred to police.',
        by,
        at: '2026-10-02T10:00:00.000Z',
      }),
    ]);
    const s = cases[0]!.summary;
    expect(s.categoryLabel).toBe('Suspected illegal material');
    expect(s.flags).toContain('suspected-illegal');
    expect(isUrgent(s)).toBe(false); // closed
    expect(s.retention).toMatchObject({ ruleId: 'illegal', years: 25, dueOn: '2051-10-02' });
  });

  it('refuses a case event without its reason or outcome, and keeps it out of the chronology', () => {
    const bad = {
      type: 'incident.closed',
      incidentId: INC,
      outcome: '  ',
      by,
      at: '2026-10-02T10:00:00.000Z',
    };
    expect(isCaseEventPayload('incident.closed', bad)).toBe(false);
    expect(isCaseEventPayload('incident.amended', { ...bad, outcome: 'Done' })).toBe(false);
    const { result, cases } = summaries([
      created({ id: INC, recordedAt: '2026-10-01T09:00:00.000Z' }),
      event('incident.closed', bad.at, bad),
    ]);
    expect(result.rejected).toHaveLength(1);
    expect(cases[0]!.summary.status).toBe('new');
  });

  it('drops a record once its deletion is in the log, and keeps the deletion', () => {
    const erased = event('incident.erased', '2033-01-01T09:00:00.000Z', {
      type: 'incident.erased',
      incidentId: INC,
      reference: 'ST-00INC1',
      categoryLabel: 'Cyberbullying',
      ruleId: 'default',
      dueOn: '2032-10-03',
      envelopes: 3,
      by,
      at: '2033-01-01T09:00:00.000Z',
    });
    const { result } = summaries([
      created({ id: INC, recordedAt: '2026-10-01T09:00:00.000Z' }),
      erased,
    ]);
    expect(result.incidents).toEqual([]);
    expect(result.erased.map((e) => e.payload.reference)).toEqual(['ST-00INC1']);
  });
});

describe('retention dates', () => {
  it('run the rule’s years from the day the record was closed', () => {
    expect(retentionFor(RULES.retention, 'cyberbullying', '2026-07-20T12:00:00.000Z')).toEqual({
      ruleId: 'default',
      years: 6,
      dueOn: '2032-07-20',
      why: '6 years from closing.',
    });
  });
  it('are not set while the record is open, or where the school has set no period', () => {
    expect(retentionFor(RULES.retention, null, null)).toMatchObject({
      ruleId: 'default',
      dueOn: null,
      why: 'Kept while open; then 6 years from closing.',
    });
    expect(retentionFor(RULES.retention, 'lost-laptop', '2026-07-20T12:00:00.000Z')).toMatchObject({
      ruleId: 'unset',
      dueOn: null,
    });
    expect(retentionFor([], null, '2026-07-20T12:00:00.000Z')).toMatchObject({
      ruleId: null,
      dueOn: null,
    });
  });
  it('keep 29 February on the 28th in a year without one', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2026-12-31', 25)).toBe('2051-12-31');
  });
});
