/**
 * Choosing which flowchart to walk: the one suggested by the incident's category first,
 * then every flowchart in the default pack grouped by the policy it comes from.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { FlowchartChooser } from '../../src/ui/wizard/FlowchartChooser.tsx';
import { chart } from './wizard-kit.tsx';

afterEach(() => cleanup());

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
