/**
 * The illegal-content guard on the capture screen: once an incident may involve illegal
 * material, there is no way to attach an image to it (the controls are gone, not greyed),
 * the seed policies' instructions are shown, and the device's custody is asked for instead.
 * Photos already attached are deleted, with the teacher's agreement, before the mark is set.
 * (The storage and sealing layers' own refusals are in test/storage/illegal-guard.test.ts.)
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import type { IncidentCreatedPayload } from '../../src/domain/incident.ts';
import { listDrafts } from '../../src/storage/draft-repo.ts';
import { openDraft } from '../../src/ui/capture/drafts.ts';
import {
  answerConfirm,
  choose,
  errorOf,
  openSection,
  pickFile,
  pngFile,
  POLICY,
  renderCapture,
  startIncident,
  type,
  useTablet,
  waitForSave,
} from './capture-kit.tsx';

const tablet = useTablet();
const GUARD = /This may involve illegal material/;

beforeEach(() => {
  // happy-dom cannot decode images; the canvas path is exercised in Chromium (e2e).
  vi.stubGlobal('createImageBitmap', undefined);
});

const fileInputs = () => document.querySelectorAll('input[type="file"]');

async function savedFields() {
  const t = tablet();
  const [row] = await listDrafts(t.db, t.staff.profileId);
  return (await openDraft(t.db, t.staff, row!.id))!.fields;
}

async function attachPhoto() {
  await openSection(/Evidence/);
  pickFile(screen.getByLabelText('Choose a photo or screenshot'), pngFile());
  const img = await screen.findByRole('img', { name: /Photo 1/ }, { timeout: 5_000 });
  expect(img.getAttribute('src')).toMatch(/^blob:/);
}

describe('the illegal-content guard', () => {
  it('removes photo capture, shows what to do, and records the device instead', async () => {
    const t = tablet();
    renderCapture(t);
    await startIncident();
    await openSection(/Evidence/);
    expect(screen.getByLabelText('Take a photo')).toBeTruthy();
    expect(fileInputs()).toHaveLength(2);
    expect(screen.queryByTestId('illegal-instructions')).toBeNull();

    fireEvent.click(screen.getByLabelText(GUARD));
    const steps = await screen.findByTestId('illegal-instructions');
    expect(steps.textContent).toMatch(/Do not view, copy, capture or forward/);
    expect(steps.textContent).toMatch(/Confiscate the device/);
    expect(steps.textContent).toMatch(/police/);
    // Gone, not disabled: no file input exists anywhere on the page.
    await waitFor(() => expect(fileInputs()).toHaveLength(0));
    expect(screen.queryByLabelText('Take a photo')).toBeNull();
    expect(screen.queryByLabelText('Choose a photo or screenshot')).toBeNull();
    expect(screen.getByTestId('photos-off').textContent).toMatch(/switched off/);
    // Custody is asked for at once, taken by the teacher.
    const device = await screen.findByRole('group', { name: 'Device 1' });
    expect((within(device).getByLabelText('Who took it') as HTMLInputElement).value).toBe(
      'Sam Teacher',
    );

    type('What happened', 'A pupil showed me an image on his phone that may be indecent');
    type('Where it happened', 'Museum café');
    fireEvent.click(screen.getByRole('button', { name: 'Submit to the safeguarding leads' }));
    await waitFor(() =>
      expect(errorOf(within(device).getByLabelText('What the device is'))).toBe(
        'Describe the device, or remove it.',
      ),
    );
    expect(errorOf(within(device).getByLabelText('Where it is kept now'))).toBe(
      'Say where the device is kept now.',
    );
    expect(await t.db.outbox.count()).toBe(0);

    type('What the device is', 'Pupil’s own phone, black, cracked case', device);
    type('Where it is kept now', 'Sealed envelope, locked in the trip leader’s bag', device);
    fireEvent.click(screen.getByRole('button', { name: 'Submit to the safeguarding leads' }));
    await screen.findByText(/is sealed and queued/, {}, { timeout: 15_000 });

    const rows = await t.db.outbox.toArray();
    expect(rows.map((r) => r.kind)).toEqual(['incident.created']);
    const { payload } = await openEnvelope<IncidentCreatedPayload>(
      JSON.parse(rows[0]!.envelope) as Envelope,
      { kid: t.reader.kid, privateKey: t.reader.privateKey },
      t.devicePublicKey,
    );
    expect(payload.fields.suspectedIllegal).toBe(true);
    expect(payload.fields.evidence.photos).toEqual([]);
    expect(payload.fields.evidence.devices).toMatchObject([
      {
        description: 'Pupil’s own phone, black, cracked case',
        takenBy: 'Sam Teacher',
        keptAt: 'Sealed envelope, locked in the trip leader’s bag',
      },
    ]);
  });

  it('deletes attached photos first, only when the teacher agrees', async () => {
    const t = tablet();
    renderCapture(t);
    await startIncident();
    await attachPhoto();
    await waitFor(async () => expect((await savedFields()).evidence.photos).toHaveLength(1));
    expect(await t.db.evidence.count()).toBeGreaterThan(0);

    const no = answerConfirm(false);
    fireEvent.click(screen.getByLabelText(GUARD));
    expect(no.mock.calls[0]![0]).toMatch(/a photo attached.*deleted from this tablet first/);
    await new Promise((r) => setTimeout(r, 100));
    expect((screen.getByLabelText(GUARD) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId('illegal-instructions')).toBeNull();
    expect(screen.getByRole('img', { name: /Photo 1/ })).toBeTruthy();
    expect((await savedFields()).evidence.photos).toHaveLength(1);

    answerConfirm(true);
    fireEvent.click(screen.getByLabelText(GUARD));
    await screen.findByTestId('illegal-instructions');
    await waitFor(async () => expect(await t.db.evidence.count()).toBe(0));
    expect(screen.queryByRole('img')).toBeNull();
    expect(fileInputs()).toHaveLength(0);
    const saved = await savedFields();
    expect(saved.suspectedIllegal).toBe(true);
    expect(saved.evidence.photos).toEqual([]);
  });

  it('is switched on by a category the policy flags, and stays on while it is chosen', async () => {
    renderCapture(tablet());
    await startIncident();
    await openSection(/Evidence/);
    choose(screen.getByLabelText('Category'), 'indecent-images');
    await screen.findByTestId('illegal-instructions');
    const box = screen.getByLabelText(GUARD) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    await waitFor(() => expect(fileInputs()).toHaveLength(0));
    await waitForSave();
    expect((await savedFields()).category).toMatchObject({
      id: 'indecent-images',
      suspectedIllegal: true,
    });
  });

  it('refuses a photo past the size limit, saying so, and stores nothing', async () => {
    const t = tablet();
    renderCapture(t, '/capture', { ...POLICY, maxPhotoBytes: 1024 });
    await startIncident();
    await openSection(/Evidence/);
    pickFile(screen.getByLabelText('Choose a photo or screenshot'), pngFile(3000));
    const alert = await screen.findByText(/even after shrinking; the limit is 1 KB/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.queryByRole('img')).toBeNull();
    expect(await t.db.evidence.count()).toBe(0);
  });

  it('keeps photos encrypted at rest and revokes their thumbnails when the screen goes', async () => {
    const t = tablet();
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { unmount } = renderCapture(t);
    await startIncident();
    await attachPhoto();
    const url = screen.getByRole('img', { name: /Photo 1/ }).getAttribute('src');
    const stored = JSON.stringify(await t.db.evidence.toArray());
    expect(stored).not.toContain('PHOTO-MARKER-9q2');
    expect(stored).not.toContain(btoa('PHOTO-MARKER-9q2').slice(0, 12));
    // Locking unmounts the capture screens (StaffGate), as this does.
    unmount();
    await waitFor(() => expect(revoke).toHaveBeenCalledWith(url));
  });
});
