/**
 * The checks on the wizard's payloads as a reader opens them: what is rejected (and then
 * merged nowhere), such as a decision not to refer or a step not done without a reason, and
 * what each kind's check accepts.
 */
import { describe, expect, it } from 'vitest';
import {
  buildChronology,
  isActionRecordedPayload,
  isStepAnsweredPayload,
  isWalkAttachedPayload,
} from '../../../src/domain/chronology.ts';
import { action, attach, decision, ev, T, WALK_A } from './chronology-fixtures.ts';

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
