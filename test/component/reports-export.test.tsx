/**
 * The encrypted export, made from real opened events: what it carries for another console
 * to rebuild the same log, the passphrase rules, and a bundle opened again in memory and
 * shown on screen (real PBKDF2 and AES-GCM; nothing is stored), a wrong passphrase refused.
 * The file download itself is left to the browser tests.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { sealExportBundle } from '../../src/crypto/export-bundle.ts';
import { summariseCase } from '../../src/domain/case-state.ts';
import { buildChronology } from '../../src/domain/chronology.ts';
import { logRows } from '../../src/domain/incident-log.ts';
import { ExportPanel } from '../../src/ui/reports/ExportPanel.tsx';
import {
  casesOfExport,
  exportContents,
  readExportContents,
} from '../../src/ui/reports/export-contents.ts';
import { OpenBundlePanel } from '../../src/ui/reports/OpenBundlePanel.tsx';
import { exportedSignature, verifiedSignature } from '../../src/ui/reports/signature.ts';
import { caseEvent, created, RULES } from '../unit/domain/case-fixtures.ts';

afterEach(cleanup);

/** Opened events as a console holds them: with the device's name and verified key. */
function openedEvents() {
  const id = '01JB0000000000000000000I01';
  const by = 'Dana Lead';
  return [
    created({
      id,
      recordedAt: '2026-10-01T09:05:00.000Z',
      when: '2026-10-01T08:40',
      category: { id: 'cyberbullying', label: 'Cyberbullying' },
      what: 'Unkind messages in the class chat.',
      reportedBy: 'Mrs Class',
    }),
    caseEvent({
      type: 'case.action',
      incidentId: id,
      what: 'Phoned parents',
      doneBy: by,
      doneAt: '2026-10-01T13:00:00.000Z',
      by,
      at: '2026-10-01T13:05:00.000Z',
    }),
  ].map((e, i) => ({ ...e, deviceName: 'Tablet 1', signer: 'ABCD EFGH', logIndex: i }));
}

const consoleCases = () =>
  buildChronology(openedEvents()).incidents.map((chronology) => ({
    chronology,
    summary: summariseCase(chronology, RULES),
  }));

describe('the encrypted export', () => {
  it('carries what another console needs to rebuild the same log', () => {
    const cases = consoleCases();
    const contents = exportContents(cases, {
      exportedBy: 'Dana Lead',
      school: 'Gracefield School',
      from: '',
      to: '',
      now: new Date('2026-11-23T10:00:00.000Z'),
    });
    expect(contents.incidents[0]!.events[0]).toMatchObject({
      deviceName: 'Tablet 1',
      signer: 'ABCD EFGH',
    });
    expect(contents.incidents[0]!.summary.what).toBe('Unkind messages in the class chat.');
    const back = casesOfExport(readExportContents(JSON.parse(JSON.stringify(contents))), RULES);
    const here = logRows(cases, verifiedSignature);
    const there = logRows(back, exportedSignature);
    expect(there.map(({ signature: _s, ...r }) => r)).toEqual(
      here.map(({ signature: _s, ...r }) => r),
    );
    expect(there[0]!.signature).toBe(
      'Terry Teacher · Tablet 1 · key ABCD EFGH (signature verified by the console that made the export)',
    );
    expect(() => readExportContents({ kind: 'other' })).toThrow(/not incident records/);
  });

  it('asks for a 12-character passphrase, typed twice the same', async () => {
    render(
      <ExportPanel
        cases={consoleCases()}
        from=""
        to=""
        school="Gracefield School"
        exportedBy="Dana Lead"
      />,
    );
    fireEvent.input(screen.getByLabelText('Export passphrase'), { target: { value: 'too short' } });
    fireEvent.input(screen.getByLabelText('Export passphrase again'), {
      target: { value: 'different' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted export' }));
    expect(await screen.findByText(/Use at least 12 characters/)).toBeTruthy();
    expect(screen.getByText('The two passphrases are not the same.')).toBeTruthy();
    expect(screen.getByLabelText('Export passphrase').getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a bundle in memory and shows its log rows; a wrong passphrase is refused', async () => {
    const contents = exportContents(consoleCases(), {
      exportedBy: 'Dana Lead',
      school: 'Gracefield School',
      from: '',
      to: '',
    });
    const text = await sealExportBundle(contents, 'a long export passphrase');
    render(<OpenBundlePanel rules={RULES} />);
    const input = screen.getByLabelText('Export file');
    const file = new File([text], 'safetrail-export-2026-11-23.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);

    const passphrase = screen.getByLabelText('Passphrase for the export file');
    fireEvent.input(passphrase, { target: { value: 'not the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open export' }));
    expect(
      await screen.findByText(/That passphrase does not open this export/, {}, { timeout: 10_000 }),
    ).toBeTruthy();

    fireEvent.input(passphrase, { target: { value: 'a long export passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open export' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Incidents in the export from Gracefield School' },
      { timeout: 10_000 },
    );
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('01/10/2026');
    expect(cells[2]!.textContent).toContain('Unkind messages in the class chat.');
    expect(cells[4]!.textContent).toBe('Mrs Class');
    fireEvent.click(screen.getByRole('button', { name: 'Close this export' }));
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
  });
});
