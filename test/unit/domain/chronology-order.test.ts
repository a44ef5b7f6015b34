/**
 * How buildChronology orders and merges events from several devices: by created time, then
 * device, then sequence, comparing instants rather than strings; one copy of an event seen
 * twice; only the kinds that belong in a chronology; the same result for every arrival
 * order; incidents in the order first recorded, including one whose record has not arrived.
 */
import { describe, expect, it } from 'vitest';
import { buildChronology, type ChronologyEvent } from '../../../src/domain/chronology.ts';
import { action, created, decision, ev, order, T } from './chronology-fixtures.ts';

describe('buildChronology: ordering and merging', () => {
  const cases: { name: string; events: ChronologyEvent[]; expected: string[] }[] = [
    {
      name: 'orders by created time, whatever order the events arrive in',
      events: [
        ev('c', 'dsl-1', 3, T(3), 'step.answered', decision(1, 'staff', 'no')),
        ev('a', 'tablet', 1, T(1), 'incident.created', created('inc-1')),
        ev('b', 'dsl-1', 2, T(2), 'step.answered', decision(0, 'illegal', 'yes')),
      ],
      expected: ['a', 'b', 'c'],
    },
    {
      name: 'breaks a tie in time by device id',
      events: [
        ev('x', 'dsl-2', 9, T(2), 'action.recorded', action('confiscate')),
        ev('y', 'dsl-1', 1, T(2), 'action.recorded', action('inform-police')),
      ],
      expected: ['y', 'x'],
    },
    {
      name: 'breaks a tie in time and device by sequence',
      events: [
        ev('later', 'dsl-1', 8, T(2), 'action.recorded', action('save-evidence')),
        ev('earlier', 'dsl-1', 7, T(2), 'action.recorded', action('confiscate')),
      ],
      expected: ['earlier', 'later'],
    },
    {
      name: 'compares instants, not strings (an offset written differently)',
      events: [
        ev('b', 'dsl-1', 1, '2025-03-03T11:00:30+01:00', 'action.recorded', action('a')),
        ev('a', 'dsl-1', 2, '2025-03-03T09:59:00.000Z', 'action.recorded', action('b')),
      ],
      expected: ['a', 'b'],
    },
    {
      name: 'keeps one copy of an event seen twice (pulled and still in the outbox)',
      events: [
        ev('a', 'tablet', 1, T(1), 'incident.created', created('inc-1')),
        ev('b', 'dsl-1', 2, T(2), 'step.answered', decision(0, 'illegal', 'yes')),
        ev('b', 'dsl-1', 2, T(2), 'step.answered', decision(0, 'illegal', 'yes')),
      ],
      expected: ['a', 'b'],
    },
    {
      name: 'merges three devices into one incident',
      events: [
        ev('d2', 'dsl-2', 1, T(5), 'action.recorded', action('contact-lado', { by: 'Rob' })),
        ev('t1', 'tablet', 1, T(1), 'incident.created', created('inc-1')),
        ev('d1', 'dsl-1', 4, T(3), 'step.answered', decision(0, 'illegal', 'yes')),
      ],
      expected: ['t1', 'd1', 'd2'],
    },
    {
      name: 'leaves out kinds that are not chronology entries (photos, key grants)',
      events: [
        ev('t1', 'tablet', 1, T(1), 'incident.created', created('inc-1')),
        ev('p1', 'tablet', 2, T(1), 'evidence.added', { incidentId: 'inc-1' }),
        ev('g1', 'dsl-1', 1, T(2), 'key.granted', { type: 'key.granted' }),
      ],
      expected: ['t1'],
    },
  ];
  it.each(cases)('$name', ({ events, expected }) => {
    expect(order(events)).toEqual(expected);
  });

  it('gives the same result for every arrival order', () => {
    // Ids are unique per envelope in the real log, so each case's ids are made distinct.
    const events = cases.flatMap((c, i) => c.events.map((e) => ({ ...e, id: `${i}-${e.id}` })));
    const reference = JSON.stringify(buildChronology(events));
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 25; i++) {
      const shuffled = [...events].sort(() => random() - 0.5);
      expect(JSON.stringify(buildChronology(shuffled))).toBe(reference);
    }
  });

  it('lists incidents in the order they were first recorded', () => {
    const result = buildChronology([
      ev('b', 'tablet', 2, T(4), 'incident.created', created('inc-2')),
      ev('a', 'tablet', 1, T(1), 'incident.created', created('inc-1')),
    ]);
    expect(result.incidents.map((c) => c.incidentId)).toEqual(['inc-1', 'inc-2']);
  });

  it('keeps an incident whose record has not arrived, with created null', () => {
    const [only] = buildChronology([
      ev('d', 'dsl-1', 1, T(2), 'step.answered', decision(0, 'illegal', 'yes')),
    ]).incidents;
    expect(only?.incidentId).toBe('inc-1');
    expect(only?.created).toBeNull();
    expect(only?.entries).toHaveLength(1);
  });
});
