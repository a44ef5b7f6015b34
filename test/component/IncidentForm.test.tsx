/**
 * The incident form as a teacher uses it: required fields explained next to themselves,
 * nothing typed lost to validation, autosave to an encrypted draft, several drafts at once,
 * and a full record (people, actions, who was told, evidence notes) sealed to the DSL.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import type { IncidentCreatedPayload } from '../../src/domain/incident.ts';
import { listDrafts } from '../../src/storage/draft-repo.ts';
import { openDraft } from '../../src/ui/capture/drafts.ts';
import {
  answerConfirm,
  choose,
  errorOf,
  openSection,
  renderCapture,
  startIncident,
  type,
  useTablet,
  waitForSave,
} from './capture-kit.tsx';

const tablet = useTablet();

const submit = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Submit to the safeguarding leads' }));

/** The fieldset a person, action or device is entered in ("Person 1"...). */
const group = (name: string) => screen.findByRole('group', { name });

async function theDraft() {
  const t = tablet();
  const [row] = await listDrafts(t.db, t.staff.profileId);
  return (await openDraft(t.db, t.staff, row!.id))!;
}

describe('the incident form', () => {
  it('explains each missing field next to it and keeps everything typed', async () => {
    renderCapture(tablet());
    await startIncident();
    type('The child’s own words', 'He said “they keep sending me pictures”');
    submit();

    const what = screen.getByLabelText('What happened');
    await waitFor(() => expect(errorOf(what)).toBe('Describe what happened.'));
    const where = screen.getByLabelText('Where it happened');
    expect(where.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(where)).toBe('Say where it happened (for a trip, name the visit).');
    // The summary at the top lists them too.
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toMatch(/Some details are missing/);
    expect(summary.textContent).toContain('Describe what happened.');
    // What was typed is still on screen and in the saved draft; nothing was sealed.
    expect((screen.getByLabelText('The child’s own words') as HTMLTextAreaElement).value).toBe(
      'He said “they keep sending me pictures”',
    );
    await waitForSave();
    expect((await theDraft()).fields.childWords).toBe('He said “they keep sending me pictures”');
    expect(await tablet().db.outbox.count()).toBe(0);

    // Fixing a field clears its message at once.
    type('What happened', 'Messages on a game chat');
    expect(errorOf(what)).toBeNull();
    expect(what.getAttribute('aria-invalid')).toBeNull();
  });

  it('opens a closed section to show a problem inside it', async () => {
    renderCapture(tablet());
    await startIncident();
    type('What happened', 'Name-calling in a group chat');
    type('Where it happened', 'Coach, on the way back');
    await openSection(/People involved/);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    const person = await group('Person 1');
    type('Name or initials', 'J.B.', person);
    // Close the section again: the problem must still be found.
    fireEvent.click(screen.getByRole('button', { name: /People involved/ }));
    submit();

    const reopened = await group('Person 1');
    expect(
      await within(reopened).findByText('Choose this person’s part in the incident.'),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /People involved/ }).getAttribute('aria-expanded'),
    ).toBe('true');
    expect((within(reopened).getByLabelText('Name or initials') as HTMLInputElement).value).toBe(
      'J.B.',
    );
  });

  it('autosaves every change, encrypted, while typing continues', async () => {
    renderCapture(tablet());
    await startIncident();
    // Typing without a pause (each input 50 ms after the last) is still saved on the way.
    const words = 'A pupil showed me a message from someone he met in a game MARKER-autosave-7d1';
    let text = '';
    for (const w of words.split(' ')) {
      text = text ? `${text} ${w}` : w;
      type('What happened', text);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Before any pause in the typing, most of it is already saved.
    const midway = (await theDraft()).fields.what;
    expect(text.startsWith(midway)).toBe(true);
    expect(midway.length).toBeGreaterThan(text.length / 2);
    await waitFor(async () => expect((await theDraft()).fields.what).toBe(text), {
      timeout: 5_000,
    });
    const rows = JSON.stringify(await tablet().db.drafts.toArray());
    expect(rows).not.toContain('MARKER-autosave-7d1');
  });

  it('marks the save status busy from a change until that change is written', async () => {
    renderCapture(tablet());
    await startIncident();
    type('What happened', 'A pupil was sent a link');
    await waitForSave();
    const status = screen.getByTestId('save-status');
    // The earlier "Draft saved" is still shown, but it does not cover this change yet.
    type('Where it happened', 'Library');
    expect(status.textContent).toMatch(/^Draft saved/);
    expect(status.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(status.getAttribute('aria-busy')).toBe('false'), {
      timeout: 5_000,
    });
    expect((await theDraft()).fields.where).toBe('Library');
  });

  it('keeps several drafts at once, each resumable with its own text', async () => {
    renderCapture(tablet());
    await startIncident();
    type('What happened', 'First: unkind comments on a photo');
    await waitForSave();
    fireEvent.click(screen.getByRole('link', { name: 'Save and close' }));
    await startIncident();
    type('What happened', 'Second: a stranger asked for a phone number');
    await waitForSave();
    fireEvent.click(screen.getByRole('link', { name: 'Save and close' }));

    const first = await screen.findByRole('link', { name: /Continue draft: First/ });
    expect(screen.getByRole('link', { name: /Continue draft: Second/ })).toBeTruthy();
    fireEvent.click(first);
    await waitFor(() =>
      expect((screen.getByLabelText('What happened') as HTMLTextAreaElement).value).toBe(
        'First: unkind comments on a photo',
      ),
    );
  });

  it('asks before discarding a draft, and keeps it when the answer is no', async () => {
    renderCapture(tablet());
    await startIncident();
    type('What happened', 'Keep me');
    await waitForSave();
    const confirm = answerConfirm(false);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(confirm).toHaveBeenCalledOnce();
    expect(await listDrafts(tablet().db, 'p1')).toHaveLength(1);
    answerConfirm(true);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    await screen.findByRole('button', { name: 'New incident' });
    expect(await listDrafts(tablet().db, 'p1')).toHaveLength(0);
  });

  it('seals the whole record for the DSL and deletes the draft', async () => {
    const t = tablet();
    const { router } = renderCapture(t);
    await startIncident();
    type('What happened', 'A Year 5 pupil received threats in a game chat');
    type('Where it happened', 'Science Museum, gallery 3');
    type('Trip or visit', 'Science Museum trip');
    type('The child’s own words', '“He said he knows where I live”');
    choose(screen.getByLabelText('Category'), 'cyberbullying');

    await openSection(/People involved/);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    const person = await group('Person 1');
    type('Name or initials', 'Jo B', person);
    choose(within(person).getByLabelText('Their part in it'), 'victim');
    type('Year group', 'Year 5', person);

    await openSection(/Actions taken/);
    fireEvent.click(await screen.findByRole('button', { name: 'Add an action' }));
    const action = await group('Action 1');
    type('What was done', 'Took the tablet off the pupil and reassured them', action);

    await openSection(/Who has been told/);
    fireEvent.click(await screen.findByRole('radio', { name: 'Yes' }));
    type('Which DSL', 'Dana Lead');

    await openSection(/Evidence/);
    type('Evidence notes', 'Chat name “xX_shadow_Xx”');
    type('Web addresses', 'http://bad.example/chat?id=1');
    await waitForSave();
    submit();

    await waitFor(() => expect(router.state.location.search).toMatchObject({ sealed: /^ST-/ }), {
      timeout: 15_000,
    });
    expect(await screen.findByText(/is sealed and queued/)).toBeTruthy();
    expect(await listDrafts(t.db, 'p1')).toHaveLength(0);
    const rows = await t.db.outbox.toArray();
    expect(rows.map((r) => r.kind)).toEqual(['incident.created']);
    const { payload } = await openEnvelope<IncidentCreatedPayload>(
      JSON.parse(rows[0]!.envelope) as Envelope,
      { kid: t.reader.kid, privateKey: t.reader.privateKey },
      t.devicePublicKey,
    );
    const f = payload.fields;
    expect(f.category).toMatchObject({ id: 'cyberbullying', area: 'conduct' });
    expect(f.people).toMatchObject([
      { name: 'Jo B', role: 'victim', kind: 'pupil', yearGroup: 'Year 5' },
    ]);
    expect(f.actions).toMatchObject([
      { what: 'Took the tablet off the pupil and reassured them', by: 'Sam Teacher' },
    ]);
    expect(f.told).toMatchObject({ dslToldVerbally: 'yes', dslName: 'Dana Lead' });
    expect(f.told.dslToldAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(f.marking).toBe('OFFICIAL-SENSITIVE');
    expect(f.evidence).toMatchObject({
      notes: 'Chat name “xX_shadow_Xx”',
      webAddresses: 'http://bad.example/chat?id=1',
    });
    expect(payload.recordedBy).toBe('Sam Teacher');
  });
});
