import { describe, expect, it } from 'vitest';
import {
  actionKey,
  buildChronology,
  isActionRecordedPayload,
  isStepAnsweredPayload,
  isWalkAttachedPayload,
  type ActionRecordedPayload,
  type ChronologyEvent,
  type StepAnsweredPayload,
  type WalkAttachedPayload,
} from '../../../src/domain/chronology.ts';

const WALK_A = '01J0000000000000000000WA01';
const WALK_B = '01J0000000000000000000WB02';
const T = (minute: number, ms = 0) =>
  new Date(Date.UTC(2025, 2, 3, 10, minute, 0, ms)).toISOString();

function decision(
  position: number,
  nodeId: string,
  answerId: string,
  over: Partial<StepAnsweredPayload> = {},
): StepAnsweredPayload {
  return {
    type: 'step.answered',
    walkId: WALK_A,
    incidentId: 'inc-1',
    flowchartId: 'gracefield-illegal',
    flowchartTitle: 'Decisions related to an illegal e-safety incident',
    packVersion: '1.0.0',
    position,
    nodeId,
    prompt: `Prompt of ${nodeId}`,
    answerId,
    label: `Label ${answerId}`,
    requiresReason: false,
    reason: '',
    by: 'Dana Lead',
    at: T(0),
    ...over,
  };
}

function action(stepId: string, over: Partial<ActionRecordedPayload> = {}): ActionRecordedPayload {
  return {
    type: 'action.recorded',
    walkId: WALK_A,
    incidentId: 'inc-1',
    flowchartId: 'gracefield-illegal',
    packVersion: '1.0.0',
    nodeId: 'police',
    nodeTitle: 'Illegal material or activity found or suspected',
    stepId,
    text: `Step ${stepId}`,
    status: 'done',
    reason: '',
    by: 'Dana Lead',
    at: T(0),
    recordedBy: 'Dana Lead',
    recordedAt: T(0),
    ...over,
  };
}

const attach = (walkId: string, incidentId: string): WalkAttachedPayload => ({
  type: 'walk.attached',
  walkId,
  incidentId,
  flowchartId: 'gracefield-illegal',
  by: 'Dana Lead',
  at: T(9),
});

const created = (incidentId: string) => ({
  type: 'incident.created',
  incidentId,
  recordedAt: T(0),
  recordedBy: 'Sam Teacher',
  fields: { what: 'Something happened', where: 'Gallery 3', category: { id: 'x', label: 'X' } },
});

const ev = (
  id: string,
  device: string,
  seq: number,
  at: string,
  kind: string,
  payload: unknown,
): ChronologyEvent => ({ id, device, seq, created: at, kind, payload });

/** Ids of the entries of incident `inc`, in chronology order. */
const order = (events: ChronologyEvent[], inc = 'inc-1') =>
  buildChronology(events)
    .incidents.find((c) => c.incidentId === inc)
    ?.entries.map((e) => e.event.id) ?? [];

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

describe('chronology payload checks', () => {
  const rejectedCases: { name: string; kind: string; payload: unknown }[] = [
    {
      name: 'a decision not to refer without a reason',
      kind: 'step.answered',
      payload: decision(0, 'illegal', 'no', { requiresReason: true, reason: '   ' }),
    },
    {
      name: 'a step recorded as not done without a reason',
      kind: 'action.recorded',
      payload: action('save-evidence', { status: 'not-done', reason: '' }),
    },
    {
      name: 'an unknown status',
      kind: 'action.recorded',
      payload: { ...action('x'), status: 'maybe' },
    },
    {
      name: 'a walk id that is not a ULID',
      kind: 'step.answered',
      payload: decision(0, 'illegal', 'yes', { walkId: 'walk-1' }),
    },
    {
      name: 'a time that is not a time',
      kind: 'step.answered',
      payload: decision(0, 'illegal', 'yes', { at: 'yesterday' }),
    },
    {
      name: 'an action payload sealed under the decision kind',
      kind: 'step.answered',
      payload: action('x'),
    },
    { name: 'not an object', kind: 'action.recorded', payload: 'done' },
  ];
  it.each(rejectedCases)('rejects $name, and merges nothing from it', ({ kind, payload }) => {
    const result = buildChronology([ev('r', 'dsl-1', 1, T(1), kind, payload)]);
    expect(result.rejected.map((r) => r.event.id)).toEqual(['r']);
    expect(result.incidents).toHaveLength(0);
  });

  it.each([
    ['a plain decision', isStepAnsweredPayload, decision(0, 'illegal', 'yes')],
    [
      'a decision not to refer, with its reason',
      isStepAnsweredPayload,
      decision(0, 'illegal', 'no', { requiresReason: true, reason: 'Nothing illegal was found' }),
    ],
    ['a done step', isActionRecordedPayload, action('a')],
    [
      'a step not done, with its reason',
      isActionRecordedPayload,
      action('a', { status: 'not-done', reason: 'Not needed: police advised' }),
    ],
    ['an attachment', isWalkAttachedPayload, attach(WALK_A, 'inc-1')],
  ] as const)('accepts %s', (_name, check, payload) => {
    expect((check as (v: unknown) => boolean)(payload)).toBe(true);
  });
});
