/**
 * The walking screen's questions, one per screen: the first question and its focus, an
 * answer recorded as a step.answered event and shown in the path, a decision not to refer
 * refused without a reason, Back and Start again keeping what was recorded, and a sealing
 * failure that leaves the question on screen.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { click, decidedSoFar, heading, NOW, renderWalk, type, WALK } from './wizard-kit.tsx';

afterEach(() => cleanup());

describe('WalkScreen: one question per screen', () => {
  it('asks the first question with large answers and moves focus to its heading', async () => {
    renderWalk('gracefield-illegal');
    const q = await heading('Was illegal material or activity found or suspected?');
    expect(document.activeElement).toBe(q);
    const answers = within(screen.getByRole('group', { name: /Was illegal material/ }));
    expect(answers.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Yes, found or suspected',
      'No, the incident did not involve any illegal activityReason required',
      'Not sure',
    ]);
    expect(screen.getByText('Nothing yet: this is the first step.')).toBeTruthy();
    expect((screen.getByRole('button', { name: '← Back' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('records an answer as a step.answered event and shows it in the path', async () => {
    const { decisions } = renderWalk('gracefield-illegal');
    await heading(/Was illegal material/);
    click('Yes, found or suspected');
    const next = await heading('Illegal material or activity found or suspected');
    await waitFor(() => expect(document.activeElement).toBe(next));
    expect(decisions()).toEqual([
      {
        type: 'step.answered',
        walkId: WALK,
        incidentId: 'inc-1',
        flowchartId: 'gracefield-illegal',
        flowchartTitle: 'Decisions related to an illegal e-safety incident',
        packVersion: defaultPack.version,
        position: 0,
        nodeId: 'illegal',
        prompt: 'Was illegal material or activity found or suspected?',
        answerId: 'yes',
        label: 'Yes, found or suspected',
        requiresReason: false,
        reason: '',
        by: 'Dana Lead',
        at: NOW.toISOString(),
      },
    ]);
    expect(decidedSoFar()).toContain(
      'Was illegal material or activity found or suspected? ✓ Yes, found or suspected',
    );
  });

  it('will not take a decision not to refer without a reason', async () => {
    const { decisions } = renderWalk('gracefield-illegal');
    await heading(/Was illegal material/);
    click(/^No, the incident did not involve/);
    const box = await screen.findByLabelText('Reason for this decision');
    await waitFor(() => expect(document.activeElement).toBe(box));
    click('Record this decision');
    await screen.findByText(/is a decision not to refer or act: say why/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(decisions()).toHaveLength(0);

    type(
      'Reason for this decision',
      'The images were cartoons, checked with the E-Safety Coordinator.',
    );
    click('Record this decision');
    await heading('Outcome');
    expect(decisions()[0]).toMatchObject({
      answerId: 'no',
      requiresReason: true,
      reason: 'The images were cartoons, checked with the E-Safety Coordinator.',
    });
    expect(decidedSoFar()).toContain('Reason: The images were cartoons');
  });

  it('goes back and starts again without losing what was recorded; a new answer replaces', async () => {
    const { decisions } = renderWalk('gracefield-illegal');
    await heading(/Was illegal material/);
    click('Not sure');
    await heading('Get advice on whether it is illegal');
    click('← Back');
    await heading(/Was illegal material/);
    expect(decisions()).toHaveLength(1); // going back records nothing by itself
    click('Yes, found or suspected');
    await heading('Illegal material or activity found or suspected');
    expect(decisions().map((d) => [d.position, d.answerId])).toEqual([
      [0, 'not-sure'],
      [0, 'yes'],
    ]);
    click('Start again');
    await heading(/Was illegal material/);
    expect(screen.getByText('Nothing yet: this is the first step.')).toBeTruthy();
  });

  it('shows a sealing failure and stays on the question', async () => {
    renderWalk('gracefield-illegal', {
      record: async () => {
        throw new Error('This browser is not enrolled, so it cannot send records.');
      },
    });
    await heading(/Was illegal material/);
    click('Yes, found or suspected');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Not recorded: This browser is not enrolled',
    );
    expect(screen.getByRole('heading', { level: 2, name: /Was illegal material/ })).toBeTruthy();
  });
});
