import { describe, expect, it } from 'vitest';
import type { Flowchart } from '../../../src/policy/pack-schema.ts';
import {
  actionsOnPath,
  allPaths,
  answer,
  back,
  CONTINUE,
  currentNode,
  isFinished,
  pathTaken,
  proceed,
  replayWalk,
  restart,
  startWalk,
  type Walk,
  type WalkResult,
} from '../../../src/policy/flowchart.ts';
import { minimalPack } from './broken-packs.ts';

/** The minimal pack's chart: staff involved? yes -> refer (LADO) -> end; no (reason) -> end. */
const triage = (): Flowchart => minimalPack().flowcharts[0];

/** A chart with a loop: "not sure" -> ask for advice -> the same question again. */
const withLoop: Flowchart = {
  id: 'loop',
  title: 'Loop',
  source: { policy: 'school', section: 'test' },
  start: 'q',
  nodes: {
    q: {
      kind: 'question',
      text: 'Illegal?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'police' },
        { id: 'no', label: 'No', next: 'done', requiresReason: true },
        { id: 'not-sure', label: 'Not sure', next: 'advice' },
      ],
    },
    advice: {
      kind: 'action',
      title: 'Ask',
      steps: [{ id: 'ask', text: 'Ask for advice.' }],
      next: 'q',
    },
    police: {
      kind: 'action',
      title: 'Police',
      steps: [{ id: 'tell', text: 'Inform police.' }],
      next: 'done',
    },
    done: { kind: 'end', outcome: 'Done.' },
  },
};

function ok(result: WalkResult): Walk {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.walk;
}

describe('walking a flowchart', () => {
  it('starts at the start node, unfinished, with an empty path', () => {
    const walk = startWalk(triage());
    expect(currentNode(walk)?.id).toBe('q1');
    expect(isFinished(walk)).toBe(false);
    expect(pathTaken(walk)).toEqual([]);
    expect(actionsOnPath(walk)).toEqual([]);
  });

  it('follows answers and actions to an end, recording the path', () => {
    let walk = ok(answer(startWalk(triage()), 'yes'));
    expect(currentNode(walk)?.id).toBe('a1');
    expect(actionsOnPath(walk)).toEqual([
      {
        nodeId: 'a1',
        title: 'Refer',
        steps: [expect.objectContaining({ id: 'call-lado', contact: 'lado' })],
        current: true,
      },
    ]);
    walk = ok(proceed(walk));
    expect(currentNode(walk)).toEqual({
      id: 'e1',
      node: { kind: 'end', outcome: 'Referred to the LADO.' },
    });
    expect(isFinished(walk)).toBe(true);
    expect(actionsOnPath(walk)[0]?.current).toBe(false);
    expect(pathTaken(walk)).toEqual([
      {
        nodeId: 'q1',
        kind: 'question',
        prompt: 'Is a member of staff involved?',
        answerId: 'yes',
        label: 'Yes',
      },
      { nodeId: 'a1', kind: 'action', prompt: 'Refer', answerId: CONTINUE, label: 'Done' },
    ]);
  });

  it('refuses a decision not to act without a reason, and accepts it with one', () => {
    const walk = startWalk(triage());
    for (const reason of [undefined, '', '   ']) {
      const refused = answer(walk, 'no', reason);
      expect(refused).toMatchObject({ ok: false, error: { code: 'reason-required' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/say why/);
    }
    const done = ok(answer(walk, 'no', '  The concern was about a visitor, not staff.  '));
    expect(isFinished(done)).toBe(true);
    expect(pathTaken(done)).toEqual([
      expect.objectContaining({
        answerId: 'no',
        reason: 'The concern was about a visitor, not staff.',
      }),
    ]);
  });

  it('keeps an optional note on answers that do not require one', () => {
    const walk = ok(answer(startWalk(triage()), 'yes', 'Head teacher agreed.'));
    expect(walk.decisions).toEqual([
      { nodeId: 'q1', answerId: 'yes', reason: 'Head teacher agreed.' },
    ]);
  });

  it('returns errors, not throws, for unknown answers and finished walks', () => {
    const walk = startWalk(triage());
    expect(answer(walk, 'maybe')).toMatchObject({ ok: false, error: { code: 'unknown-answer' } });
    expect(proceed(walk)).toMatchObject({ ok: false, error: { code: 'unknown-answer' } });
    const atAction = ok(answer(walk, 'yes'));
    expect(answer(atAction, 'yes')).toMatchObject({ ok: false, error: { code: 'unknown-answer' } });
    const finished = ok(proceed(atAction));
    expect(proceed(finished)).toMatchObject({ ok: false, error: { code: 'finished' } });
  });

  it('goes back one decision at a time, and restarts', () => {
    const start = startWalk(triage());
    const end = ok(proceed(ok(answer(start, 'yes'))));
    expect(currentNode(back(end))?.id).toBe('a1');
    expect(currentNode(back(back(end)))?.id).toBe('q1');
    expect(back(start)).toBe(start);
    expect(restart(end)).toEqual(start);
    // Going back and choosing differently replaces the later decisions.
    const changed = ok(answer(back(back(end)), 'no', 'Not staff.'));
    expect(changed.decisions).toEqual([{ nodeId: 'q1', answerId: 'no', reason: 'Not staff.' }]);
  });

  it('never changes the walk it is given (walks are values)', () => {
    const walk = startWalk(triage());
    const frozen = JSON.stringify(walk);
    ok(answer(walk, 'yes'));
    back(walk);
    restart(walk);
    expect(JSON.stringify(walk)).toBe(frozen);
  });

  it('survives JSON and replays from recorded decisions', () => {
    const walk = ok(proceed(ok(answer(startWalk(triage()), 'yes'))));
    const restored = JSON.parse(JSON.stringify(walk)) as Walk;
    expect(pathTaken(restored)).toEqual(pathTaken(walk));
    expect(ok(replayWalk(triage(), walk.decisions))).toEqual(walk);
    expect(replayWalk(triage(), [{ nodeId: 'a1', answerId: CONTINUE }])).toMatchObject({
      ok: false,
      error: { code: 'unknown-answer' },
    });
    expect(replayWalk(triage(), [{ nodeId: 'q1', answerId: 'no' }])).toMatchObject({
      ok: false,
      error: { code: 'reason-required' },
    });
  });

  it('walks round a loop and records each pass', () => {
    let walk = ok(answer(startWalk(withLoop), 'not-sure'));
    walk = ok(proceed(walk));
    expect(currentNode(walk)?.id).toBe('q');
    walk = ok(answer(walk, 'yes'));
    walk = ok(proceed(walk));
    expect(isFinished(walk)).toBe(true);
    expect(pathTaken(walk).map((p) => `${p.nodeId}:${p.answerId}`)).toEqual([
      'q:not-sure',
      'advice:continue',
      'q:yes',
      'police:continue',
    ]);
    expect(actionsOnPath(walk).map((a) => a.nodeId)).toEqual(['advice', 'police']);
  });

  it('follows only the decisions that fit the chart in a stored walk', () => {
    const stale: Walk = {
      flowchart: triage(),
      decisions: [
        { nodeId: 'q1', answerId: 'yes' },
        { nodeId: 'q1', answerId: 'no' },
      ],
    };
    expect(currentNode(stale)?.id).toBe('a1');
    expect(pathTaken(stale).map((p) => p.answerId)).toEqual(['yes']);
    expect(ok(proceed(stale)).decisions).toEqual([
      { nodeId: 'q1', answerId: 'yes' },
      { nodeId: 'a1', answerId: CONTINUE },
    ]);
  });

  it('reports a broken chart instead of throwing', () => {
    const broken: Flowchart = {
      ...withLoop,
      nodes: { ...withLoop.nodes, police: { ...withLoop.nodes.police!, next: 'gone' } as never },
    };
    expect(answer(startWalk(broken), 'yes')).toMatchObject({ ok: true });
    const atPolice = ok(answer(startWalk(broken), 'yes'));
    expect(proceed(atPolice)).toMatchObject({ ok: false, error: { code: 'broken-flowchart' } });
    expect(currentNode(startWalk({ ...withLoop, start: 'nowhere' }))).toBeUndefined();
  });
});

describe('allPaths', () => {
  it('lists every start-to-end path of a simple chart', () => {
    expect(allPaths(triage())).toEqual([
      {
        nodeIds: ['q1', 'a1', 'e1'],
        decisions: [
          { nodeId: 'q1', answerId: 'yes' },
          { nodeId: 'a1', answerId: CONTINUE },
        ],
      },
      { nodeIds: ['q1', 'e2'], decisions: [{ nodeId: 'q1', answerId: 'no' }] },
    ]);
  });

  it('takes a loop at most once, so the paths through it are listed too', () => {
    const paths = allPaths(withLoop).map((p) => p.nodeIds.join('>'));
    expect(paths).toEqual(['q>police>done', 'q>done', 'q>advice>q>police>done', 'q>advice>q>done']);
  });

  it('stops at the limit', () => {
    expect(allPaths(withLoop, 2)).toHaveLength(2);
  });
});
