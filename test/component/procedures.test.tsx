import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { ProceduresScreen } from '../../src/ui/procedures/ProceduresScreen.tsx';

afterEach(cleanup);

describe('the procedures page', () => {
  it('reaches every scenario guide, record form and flowchart in the default pack, offline', async () => {
    render(<ProceduresScreen />);
    await screen.findByRole('heading', { name: 'Procedures' });
    expect(screen.getAllByTestId('scenario')).toHaveLength(defaultPack.scenarios.length);
    expect(screen.getAllByTestId('record-form')).toHaveLength(defaultPack.recordForms.length);
    for (const f of defaultPack.flowcharts)
      expect(screen.getAllByText(f.title).length).toBeGreaterThan(0);
    for (const s of defaultPack.scenarios)
      expect(screen.getAllByText(s.title).length).toBeGreaterThan(0);
    // Belmont's nine "What we do if?" guides are all there, with their numbered steps.
    const belmont = defaultPack.scenarios.filter((s) => s.source.policy === 'belmont');
    expect(belmont.length).toBeGreaterThanOrEqual(9);
    expect(screen.getAllByText(belmont[0]!.steps[0]!.text).length).toBeGreaterThan(0);
    // The ODST Appendix G record form's fields are listed.
    const odst = defaultPack.recordForms.find((f) => f.source.policy === 'odst')!;
    expect(screen.getByText(odst.title)).toBeTruthy();
    // Standing messages such as the no-blame reporting culture are shown.
    for (const m of defaultPack.messages) expect(screen.getByText(m.title)).toBeTruthy();
  });
});
