/**
 * A walk as buildChronology reads it from its events: the path as it stands after answers,
 * Back and Start again, with replaced decisions and corrected checklist records kept but
 * marked superseded; the latest record of each step; and a walk started from scratch held
 * apart until it is attached to an incident, then moved there whole.
 */
import { describe, expect, it } from 'vitest';
import {
  actionKey,
  buildChronology,
  type ChronologyEvent,
} from '../../../src/domain/chronology.ts';
import { action, attach, created, decision, ev, T, WALK_B } from './chronology-fixtures.ts';

describe('buildChronology: a walk as it stands', () => {
  const cases: {
    name: string;
    events: ChronologyEvent[];
    path: string[];
    superseded: string[];
  }[] = [
    {
      name: 'each answer extends the path',
      events: [
        ev('1', 'dsl-1', 1, T(1), 'step.answered', decision(0, 'illegal', 'yes')),
        ev('2', 'dsl-1', 2, T(2), 'step.answered', decision(1, 'police', 'continue')),
        ev('3', 'dsl-1', 3, T(3), 'step.answered', decision(2, 'staff', 'yes')),
      ],
      path: ['illegal:yes', 'police:continue', 'staff:yes'],
      superseded: [],
    },
    {
      name: '"Back" then a different answer replaces the later decisions, keeping them as superseded',
      events: [
        ev('1', 'dsl-1', 1, T(1), 'step.answered', decision(0, 'illegal', 'yes')),
        ev('2', 'dsl-1', 2, T(2), 'step.answered', decision(1, 'police', 'continue')),
        ev('3', 'dsl-1', 3, T(3), 'step.answered', decision(2, 'staff', 'yes')),
        ev('4', 'dsl-1', 4, T(4), 'step.answered', decision(2, 'staff', 'no')),
      ],
      path: ['illegal:yes', 'police:continue', 'staff:no'],
      superseded: ['3'],
    },
    {
      name: '"Start again" and a new first answer supersedes the whole path',
      events: [
        ev('1', 'dsl-1', 1, T(1), 'step.answered', decision(0, 'illegal', 'yes')),
        ev('2', 'dsl-1', 2, T(2), 'step.answered', decision(1, 'police', 'continue')),
        ev('3', 'dsl-1', 3, T(3), 'step.answered', decision(0, 'illegal', 'not-sure')),
      ],
      path: ['illegal:not-sure'],
      superseded: ['1', '2'],
    },
    {
      name: 'a correction of a checklist step supersedes the earlier record',
      events: [
        ev('1', 'dsl-1', 1, T(1), 'action.recorded', action('save-evidence')),
        ev(
          '2',
          'dsl-1',
          2,
          T(2),
          'action.recorded',
          action('save-evidence', { status: 'not-done', reason: 'Police took the device' }),
        ),
      ],
      path: [],
      superseded: ['1'],
    },
  ];
  it.each(cases)('$name', ({ events, path, superseded }) => {
    const [chronology] = buildChronology(events).incidents;
    const walk = chronology!.walks[0]!;
    expect(walk.decisions.map((d) => `${d.nodeId}:${d.answerId}`)).toEqual(path);
    const marked = chronology!.entries
      .filter((e) => 'superseded' in e.body && e.body.superseded)
      .map((e) => e.event.id);
    expect(marked).toEqual(superseded);
  });

  it('keeps the latest record of each step', () => {
    const [c] = buildChronology([
      ev('1', 'dsl-1', 1, T(1), 'action.recorded', action('save-evidence')),
      ev('2', 'dsl-1', 2, T(2), 'action.recorded', action('inform-police')),
      ev(
        '3',
        'dsl-1',
        3,
        T(3),
        'action.recorded',
        action('save-evidence', { status: 'not-done', reason: 'Police took it' }),
      ),
    ]).incidents;
    const actions = c!.walks[0]!.actions;
    expect(actions[actionKey('police', 'save-evidence')]?.status).toBe('not-done');
    expect(actions[actionKey('police', 'inform-police')]?.status).toBe('done');
  });

  it('holds a walk from scratch apart until it is attached, then moves all of it', () => {
    const scratch = [
      ev(
        '1',
        'dsl-1',
        1,
        T(1),
        'step.answered',
        decision(0, 'illegal', 'yes', { walkId: WALK_B, incidentId: null }),
      ),
      ev(
        '2',
        'dsl-1',
        2,
        T(2),
        'action.recorded',
        action('inform-police', { walkId: WALK_B, incidentId: null }),
      ),
    ];
    const before = buildChronology(scratch);
    expect(before.incidents).toHaveLength(0);
    expect(before.unattached.map((u) => [u.walk.walkId, u.entries.length])).toEqual([[WALK_B, 2]]);

    const after = buildChronology([
      ev('t', 'tablet', 1, T(0), 'incident.created', created('inc-9')),
      ...scratch,
      ev('3', 'dsl-1', 3, T(9), 'step.answered', attach(WALK_B, 'inc-9')),
    ]);
    expect(after.unattached).toHaveLength(0);
    const inc = after.incidents.find((c) => c.incidentId === 'inc-9')!;
    expect(inc.entries.map((e) => e.event.id)).toEqual(['t', '1', '2', '3']);
    expect(inc.walks.map((w) => w.walkId)).toEqual([WALK_B]);
    expect(inc.created?.event.id).toBe('t');
  });
});
