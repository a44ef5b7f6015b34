/**
 * The end of a walk and the picture of it: the outcome offering the flowchart the policy
 * continues with, and the whole flowchart drawn on the walking screen with the path marked
 * by ✓ and said again in words. The diagram's layout itself is in wizard-diagram.test.tsx.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { click, heading, renderWalk, type } from './wizard-kit.tsx';

afterEach(() => cleanup());

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
