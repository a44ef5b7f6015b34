/**
 * Fixtures for the wizard's walking screen: WalkScreen rendered with the default pack (or a
 * given one), a fixed walk id and clock, and its events caught by a recording fake instead
 * of being sealed (wizard-records.test.tsx seals them for real), plus the few queries the
 * walk tests share: a step's heading, a button, a field, a checklist step and the path.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { vi } from 'vitest';
import type { ActionRecordedPayload, StepAnsweredPayload } from '../../src/domain/chronology.ts';
import type { EventKind } from '../../src/domain/events.ts';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import type { PolicyPack } from '../../src/policy/pack-schema.ts';
import { WalkScreen } from '../../src/ui/wizard/WalkScreen.tsx';

export const WALK = '01J0000000000000000000WA01';
export const NOW = new Date('2025-03-03T10:15:00.000Z');
export const chart = (id: string) => defaultPack.flowcharts.find((f) => f.id === id)!;

export function renderWalk(
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

export const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 2, name });
export const click = (name: string | RegExp, within_: HTMLElement = document.body) =>
  fireEvent.click(within(within_).getByRole('button', { name }));
export const type = (
  label: string | RegExp,
  value: string,
  container: HTMLElement = document.body,
) => fireEvent.input(within(container).getByLabelText(label), { target: { value } });
export const step = (text: RegExp) => screen.getByRole('group', { name: text });
export const decidedSoFar = () =>
  screen.getByRole('heading', { name: 'Decided so far' }).parentElement!.textContent ?? '';
