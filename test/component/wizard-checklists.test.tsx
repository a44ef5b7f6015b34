/**
 * The walking screen's checklists: the police one tap away as a tel: link, a local number
 * left for the school to set, steps recorded as done (by the DSL or someone else, at a
 * time) or as not done only with a reason, and no moving on while a required step is
 * unrecorded.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { click, heading, NOW, renderWalk, step, type, WALK } from './wizard-kit.tsx';

afterEach(() => cleanup());

describe('WalkScreen: checklists', () => {
  async function atPoliceChecklist() {
    const walk = renderWalk('gracefield-illegal');
    await heading(/Was illegal material/);
    click('Yes, found or suspected');
    const h = await heading('Illegal material or activity found or suspected');
    await waitFor(() => expect(document.activeElement).toBe(h));
    return walk;
  }

  it('puts the police one tap away as a tel: link', async () => {
    await atPoliceChecklist();
    const link = within(step(/Inform police/)).getByRole('link', {
      name: /Call Police: non-emergency/,
    });
    expect(link.getAttribute('href')).toBe('tel:101');
  });

  it('says when a local number is for the school to set', async () => {
    const { decisions } = await atPoliceChecklist();
    for (const text of [/Inform police/, /Confiscate/, /Save ALL evidence/]) {
      click('Done', step(text));
      click('Record as done', step(text));
      await waitFor(() => within(step(text)).getByTestId('step-record'));
    }
    click('Continue to the next step');
    await heading('Is a member of staff involved?');
    click('Yes, a member of staff');
    await heading('A member of staff is involved');
    expect(
      within(step(/contact the Local Authority Designated Officer/)).getByText(
        /number set by the school/,
      ),
    ).toBeTruthy();
    expect(decisions().map((d) => d.nodeId)).toEqual(['illegal', 'police', 'staff']);
  });

  it('records a step as done by the DSL by default, or by someone else, at a time', async () => {
    const { actions } = await atPoliceChecklist();
    click('Done', step(/Inform police/));
    const by = within(step(/Inform police/)).getByLabelText('Done by') as HTMLInputElement;
    expect(by.value).toBe('Dana Lead');
    await waitFor(() => expect(document.activeElement).toBe(by));
    click('Record as done', step(/Inform police/));
    await waitFor(() =>
      expect(within(step(/Inform police/)).getByTestId('step-record').textContent).toMatch(
        /Done by Dana Lead/,
      ),
    );

    click('Done', step(/Confiscate/));
    type('Done by', 'Alex Head', step(/Confiscate/));
    type('When it was done', '2025-03-03T09:40', step(/Confiscate/));
    click('Record as done', step(/Confiscate/));
    await waitFor(() => within(step(/Confiscate/)).getByTestId('step-record'));

    expect(actions().map((a) => [a.stepId, a.status, a.by, a.at])).toEqual([
      ['inform-police', 'done', 'Dana Lead', NOW.toISOString()],
      ['confiscate', 'done', 'Alex Head', new Date('2025-03-03T09:40').toISOString()],
    ]);
    expect(actions()[0]).toMatchObject({
      type: 'action.recorded',
      walkId: WALK,
      incidentId: 'inc-1',
      flowchartId: 'gracefield-illegal',
      nodeId: 'police',
      nodeTitle: 'Illegal material or activity found or suspected',
      text: 'Inform police. Follow any advice given by the police otherwise:',
      reason: '',
      recordedBy: 'Dana Lead',
      recordedAt: NOW.toISOString(),
    });
  });

  it('records a step as not done only with a reason', async () => {
    const { actions } = await atPoliceChecklist();
    const s = () => step(/Save ALL evidence/);
    click('Not done', s());
    click('Record as not done', s());
    await within(s()).findByText(/Say why this step was not done/);
    expect(actions()).toHaveLength(0);
    type('Why was it not done?', 'The police took the phone before it could be saved.', s());
    click('Record as not done', s());
    await waitFor(() =>
      expect(within(s()).getByTestId('step-record').textContent).toContain(
        'Not done: The police took the phone before it could be saved.',
      ),
    );
    expect(actions()[0]).toMatchObject({
      stepId: 'save-evidence',
      status: 'not-done',
      reason: 'The police took the phone before it could be saved.',
      by: 'Dana Lead',
    });
  });

  it('will not move on while a required step is unrecorded', async () => {
    const { decisions } = await atPoliceChecklist();
    click('Continue to the next step');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Record each required step/);
    expect(decisions()).toHaveLength(1);
  });
});
