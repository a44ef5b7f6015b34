/**
 * The progress shown while long work runs (opening or fetching many records): a labelled
 * bar with the count as text when the total is known, an indeterminate one when it is not.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkProgress } from '../../src/ui/components/WorkProgress.tsx';

afterEach(cleanup);

describe('progress for long work', () => {
  it('shows a labelled bar with the count as text, or an indeterminate bar', () => {
    const { rerender } = render(
      <WorkProgress progress={{ label: 'Opening records', done: 200, total: 3000 }} />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Opening records' });
    expect(bar.getAttribute('value')).toBe('200');
    expect(bar.getAttribute('max')).toBe('3000');
    expect(screen.getByRole('status').textContent).toBe('Opening records: 200 of 3,000');
    rerender(<WorkProgress progress={{ label: 'Fetching new records', done: 0, total: 0 }} />);
    const busy = screen.getByRole('progressbar', { name: 'Fetching new records' });
    expect(busy.hasAttribute('value')).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('Fetching new records…');
  });
});
