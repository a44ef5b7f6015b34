/**
 * The wizard's walking screen with the default pack: answering, back, start again, reasons
 * required, checklists done and not done, tel: links, the outcome and the diagram. Events
 * go to a recording fake here; wizard-records.test.tsx seals them for real.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionRecordedPayload, StepAnsweredPayload } from '../../src/domain/chronology.ts';
import type { EventKind } from '../../src/domain/events.ts';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import type { PolicyPack } from '../../src/policy/pack-schema.ts';
import { FlowchartChooser } from '../../src/ui/wizard/FlowchartChooser.tsx';
import { WalkScreen } from '../../src/ui/wizard/WalkScreen.tsx';

const WALK = '01J0000000000000000000WA01';
const NOW = new Date('2025-03-03T10:15:00.000Z');
const chart = (id: string) => defaultPack.flowcharts.find((f) => f.id === id)!;

afterEach(() => cleanup());

function renderWalk(
  flowchartId: string,
  opts: { pack?: PolicyPack; record?: (kind: EventKind, payload: unknown) => Promise<void> } = {},
) {
  const events: { kind: EventKind; payload: unknown }[] = [];
  const record = vi.fn(
    opts.record ??
      (async (kind: EventKind, payload: unknown) => {
        events.push({ kind, payload });
      }),
  );
  const onContinueWith = vi.fn();
  render(
    <WalkScreen
      pack={opts.pack ?? defaultPack}
      flowchart={chart(flowchartId)}
      walkId={WALK}
      incidentId="inc-1"
      incidentLabel="ST-ABC123"
      dslName="Dana Lead"
      record={record}
      onContinueWith={onContinueWith}
      now={() => NOW}
    />,
  );
  const decisions = () =>
    events.filter((e) => e.kind === 'step.answered').map((e) => e.payload as StepAnsweredPayload);
  const actions = () =>
    events
      .filter((e) => e.kind === 'action.recorded')
      .map((e) => e.payload as ActionRecordedPayload);
  return { events, record, decisions, actions, onContinueWith };
}

const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 2, name });
const click = (name: string | RegExp, within_: HTMLElement = document.body) =>
  fireEvent.click(within(within_).getByRole('button', { name }));
const type = (label: string | RegExp, value: string, container: HTMLElement = document.body) =>
  fireEvent.input(within(container).getByLabelText(label), { target: { value } });
const step = (text: RegExp) => screen.getByRole('group', { name: text });
const decidedSoFar = () =>
  screen.getByRole('heading', { name: 'Decided so far' }).parentElement!.textContent ?? '';

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

describe('WalkScreen: the outcome and the diagram', () => {
  it('offers the flowchart the policy continues with', async () => {
    const { onContinueWith } = renderWalk('gracefield-illegal');
    await heading(/Was illegal material/);
    click(/^No, the incident did not involve/);
    type('Reason for this decision', 'Nothing unlawful: an unkind message only.');
    click('Record this decision');
    await heading('Outcome');
    click('Continue with: Managing an e-safety incident');
    expect(onContinueWith).toHaveBeenCalledWith('gracefield-managing');
  });

  it('draws the whole flowchart with the path marked by ✓ and a list in words', async () => {
    renderWalk('gracefield-illegal');
    await heading(/Was illegal material/);
    click('Yes, found or suspected');
    await heading('Illegal material or activity found or suspected');
    const toggle = screen.getByRole('button', { name: 'Show the whole flowchart' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const svg = screen.getByRole('img', { name: /Diagram of “Decisions related to an illegal/ });
    const taken = svg.querySelectorAll('g.dnode.taken');
    expect(taken).toHaveLength(2);
    expect(svg.querySelector('g.dnode.current text')?.textContent).toBe('▶ Now · Checklist');
    expect(svg.querySelector('g.dnode.taken:not(.current) text')?.textContent).toBe('✓ Question');
    const label = svg.querySelectorAll('g.dedge.taken .dlabel tspan');
    expect([...label].map((t) => t.textContent)).toEqual(['✓ Yes, found or', 'suspected']);
    const words = screen.getByRole('heading', {
      name: 'The path taken, in words',
    }).nextElementSibling!;
    expect([...words.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Was illegal material or activity found or suspected? ✓ Yes, found or suspected',
      '▶ Now: Checklist: Illegal material or activity found or suspected',
    ]);
  });
});

describe('FlowchartChooser', () => {
  it('offers the category’s flowchart first, then every flowchart grouped by its policy', () => {
    const onChoose = vi.fn();
    render(
      <FlowchartChooser
        pack={defaultPack}
        suggested={chart('gracefield-illegal')}
        forWhom="For incident ST-ABC123"
        onChoose={onChoose}
      />,
    );
    const sections = screen.getAllByRole('region');
    expect(sections.map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Suggested for this incident’s category',
      'Gracefield',
      'Belmont',
      'ODST',
      'Whiston',
    ]);
    const first = within(sections[0]!).getByRole('button');
    expect(first.textContent).toMatch(/^Decisions related to an illegal e-safety incident/);
    fireEvent.click(first);
    expect(onChoose).toHaveBeenCalledWith('gracefield-illegal');
    const gracefield = within(sections[1]!).getAllByRole('button');
    expect(gracefield).toHaveLength(4); // illegal, managing, staff as victims, data breach
  });
});
