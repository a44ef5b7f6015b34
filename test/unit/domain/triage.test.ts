import { describe, expect, it } from 'vitest';
import {
  casesForPerson,
  filterCases,
  indexCases,
  NO_FILTER,
  peopleIndex,
  personKey,
} from '../../../src/domain/triage.ts';
import { caseEvent, created, summaries } from './case-fixtures.ts';

const id = (n: number) => `01JB0000000000000000000T${String(n).padStart(2, '0')}`;
const by = 'Dana Lead';
const { cases } = summaries([
  created({
    id: id(1),
    recordedAt: '2026-10-01T09:00:00.000Z',
    when: '2026-10-01T09:00',
    category: { id: 'cyberbullying', label: 'Cyberbullying' },
    people: [{ name: 'Amy Pupil', role: 'victim', kind: 'pupil', yearGroup: 'Year 6' }],
  }),
  created({
    id: id(2),
    recordedAt: '2026-10-02T09:00:00.000Z',
    when: '2026-10-02T09:00',
    category: { id: 'gaming', label: 'Inappropriate gaming' },
    people: [{ name: 'Ben Boy', role: 'instigator', kind: 'pupil' }],
  }),
  caseEvent({
    type: 'case.note',
    incidentId: id(2),
    text: 'Seen',
    by,
    at: '2026-10-02T10:00:00.000Z',
  }),
  created({
    id: id(3),
    recordedAt: '2026-10-03T09:00:00.000Z',
    when: '2026-10-03T09:00',
    category: { id: 'gaming', label: 'Inappropriate gaming' },
    what: 'Shared a game link on the trip',
    people: [{ name: 'amy  pupil', role: 'witness', kind: 'pupil' }],
  }),
  caseEvent({
    type: 'incident.closed',
    incidentId: id(3),
    outcome: 'Done',
    by,
    at: '2026-10-03T10:00:00.000Z',
  }),
  created({
    id: id(4),
    recordedAt: '2026-10-04T09:00:00.000Z',
    when: '2026-10-04T09:00',
    category: { id: 'gaming', label: 'Inappropriate gaming' },
  }),
]);
const summaryList = cases.map((c) => c.summary);
const index = indexCases(summaryList);
const ids = (list: { incidentId: string }[]) => list.map((s) => s.incidentId);

describe('the triage queue', () => {
  it('puts urgent cases first, then new, open and closed, newest first within each', () => {
    expect(ids(filterCases(index, NO_FILTER))).toEqual([id(1), id(4), id(2), id(3)]);
  });

  it('filters by category, status, flag, date and person, and searches the words', () => {
    expect(ids(filterCases(index, { ...NO_FILTER, categoryId: 'gaming' }))).toEqual([
      id(4),
      id(2),
      id(3),
    ]);
    expect(ids(filterCases(index, { ...NO_FILTER, status: 'closed' }))).toEqual([id(3)]);
    expect(ids(filterCases(index, { ...NO_FILTER, flag: 'child-at-risk' }))).toEqual([id(1)]);
    expect(ids(filterCases(index, { ...NO_FILTER, from: '2026-10-02', to: '2026-10-03' }))).toEqual(
      [id(2), id(3)],
    );
    expect(ids(filterCases(index, { ...NO_FILTER, person: personKey('Amy Pupil') }))).toEqual([
      id(1),
      id(3),
    ]);
    expect(ids(filterCases(index, { ...NO_FILTER, person: ' BEN ' }))).toEqual([id(2)]);
    expect(ids(filterCases(index, { ...NO_FILTER, query: 'TRIP game' }))).toEqual([id(3)]);
    expect(ids(filterCases(index, { ...NO_FILTER, query: 'ST-' + id(2).slice(-6) }))).toEqual([
      id(2),
    ]);
    expect(filterCases(index, { ...NO_FILTER, query: 'nobody' })).toEqual([]);
  });
});

describe('the people index', () => {
  it('matches names whatever their spacing or capitals, and lists each child’s incidents oldest first', () => {
    const people = peopleIndex(summaryList);
    expect(people[0]).toMatchObject({
      name: 'Amy Pupil',
      incidents: 2,
      kinds: ['pupil'],
      yearGroups: ['Year 6'],
    });
    expect(people.map((p) => p.name)).toEqual(['Amy Pupil', 'Ben Boy']);
    expect(ids(casesForPerson(summaryList, people[0]!.key))).toEqual([id(1), id(3)]);
  });
});
