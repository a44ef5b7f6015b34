/**
 * Where the capture screen's categories come from when nothing is passed in: the school's
 * default policy pack, loaded on demand, with its suspected-illegal flags intact (they
 * switch the illegal-content guard on).
 */
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CategoriesProvider, useCapturePolicy } from '../../src/ui/capture/categories-context.tsx';

function Show() {
  const policy = useCapturePolicy();
  if (!policy) return <p>Loading the policy</p>;
  return (
    <ul aria-label={`categories from the ${policy.source}`}>
      {policy.categories.map((c) => (
        <li key={c.id}>{`${c.label}${c.suspectedIllegal ? ' [guard]' : ''}`}</li>
      ))}
    </ul>
  );
}

describe('the default categories', () => {
  it('come from the default policy pack, flags and all', async () => {
    render(
      <CategoriesProvider>
        <Show />
      </CategoriesProvider>,
    );
    expect(screen.getByText('Loading the policy')).toBeTruthy();
    const list = await screen.findByRole(
      'list',
      { name: 'categories from the pack' },
      { timeout: 10_000 },
    );
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items.length).toBeGreaterThan(4);
    expect(items.some((i) => /illegal/i.test(i) && i.endsWith('[guard]'))).toBe(true);
    expect(items.some((i) => /bullying/i.test(i) && !i.endsWith('[guard]'))).toBe(true);
  });

  it('are the list given when one is passed in, with nothing loaded', async () => {
    render(
      <CategoriesProvider
        policy={{
          categories: [{ id: 'x', label: 'Only this', area: 'content' }],
          rosterRetentionDays: 7,
          maxPhotoBytes: 1,
          unsentWarningHours: 24,
          source: 'pack',
        }}
      >
        <Show />
      </CategoriesProvider>,
    );
    await waitFor(() => expect(screen.getByText('Only this')).toBeTruthy());
  });
});
