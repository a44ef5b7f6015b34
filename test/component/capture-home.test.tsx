/**
 * What the teacher is told about storage: how many records wait to be sent and since
 * when, a warning once they have waited too long, and a clear message (with nothing typed
 * lost) when the tablet's storage is full.
 */
import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { queueSealed } from '../../src/storage/outbox-queue.ts';
import { fakeEnvelope, outboxRecordFor } from '../unit/sync/fixtures.ts';
import { renderCapture, startIncident, type, useTablet } from './capture-kit.tsx';

const tablet = useTablet();

async function queueOne(sealedHoursAgo: number) {
  const createdAt = new Date(Date.now() - sealedHoursAgo * 3_600_000).toISOString();
  await queueSealed(tablet().db, await outboxRecordFor(fakeEnvelope({ seq: 1 }), { createdAt }));
}

describe('the capture home screen', () => {
  it('says how many records wait to send, and since when', async () => {
    await queueOne(2);
    renderCapture(tablet());
    const since = await screen.findByTestId('waiting-since', {}, { timeout: 5_000 });
    expect(since.textContent).toMatch(/^1 record waiting to send since \d/);
    expect(screen.queryByText(/Not sent for more than/)).toBeNull();
  });

  it('warns once a record has waited more than 24 hours', async () => {
    await queueOne(25);
    renderCapture(tablet());
    const warning = await screen.findByText(
      'Not sent for more than 24 hours',
      {},
      { timeout: 5_000 },
    );
    expect(warning.parentElement!.textContent).toMatch(
      /1 record on this tablet has been waiting to send since .*Connect this tablet/,
    );
  });

  it('says nothing when nothing waits', async () => {
    renderCapture(tablet());
    await screen.findByRole('button', { name: 'New incident' });
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByTestId('waiting-since')).toBeNull();
  });

  it('says plainly when storage is full, and keeps what was typed on screen', async () => {
    const t = tablet();
    renderCapture(t);
    await startIncident();
    // From now on the disk is full.
    t.db.drafts.put = (() =>
      Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as never;
    type('What happened', 'Typed while the disk is full');
    await waitFor(
      () =>
        expect(screen.getByTestId('save-status').textContent).toMatch(
          /^Not saved: This device's storage is full: .*nothing was lost/,
        ),
      { timeout: 5_000 },
    );
    expect((screen.getByLabelText('What happened') as HTMLTextAreaElement).value).toBe(
      'Typed while the disk is full',
    );
  });
});
