/**
 * The rules library with the default pack (loaded on demand, as on a device that has not
 * cached the school's pack): browsing by audience, the instant search and its highlights,
 * and the way into a rule set. The routes sit under a memory router with the app's paths.
 */
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { searchRules } from '../../src/ui/rules/search.ts';
import { RuleSetRoute, RulesRoute } from '../../src/ui/rules/RulesRoutes.tsx';

afterEach(() => cleanup());

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function renderRules(path: string) {
  const root = createRootRoute({ component: () => <Outlet /> });
  const rules = createRoute({
    getParentRoute: () => root,
    path: '/rules',
    validateSearch: (s: Record<string, unknown>): { audience?: string; q?: string } => ({
      audience: str(s.audience),
      q: str(s.q),
    }),
    component: RulesRoute,
  });
  const ruleSet = createRoute({
    getParentRoute: () => root,
    path: '/rules/$ruleSetId',
    component: RuleSetRoute,
  });
  const router = createRouter({
    routeTree: root.addChildren([rules, ruleSet]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  // The test router is not the app's registered one; its routes have the same paths.
  render(<RouterProvider router={router as never} />);
  return router;
}

const heading = (level: number, name: string | RegExp) =>
  screen.findByRole('heading', { level, name });
const section = (name: string) => screen.getByRole('region', { name });
const setTitles = (container: HTMLElement) =>
  within(container)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
/** The library's live count (the default-pack notice is a status too). */
const status = () =>
  screen.getAllByRole('status').find((e) => e.classList.contains('rules-count'))!.textContent;
const search = (text: string) =>
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search all rules' }), {
    target: { value: text },
  });
const marks = () => [...document.querySelectorAll('mark')].map((m) => m.textContent);

describe('browsing the rules by audience', () => {
  it('lists every audience, youngest first, each rule set with its source and version', async () => {
    renderRules('/rules');
    await heading(1, 'Rules and agreements');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'EYFS / KS1',
      'KS2',
      'KS3 and above',
      'Staff',
      'Visitors and contractors',
      'Parents and carers',
      'Community users',
    ]);
    const ks1 = section('EYFS / KS1');
    expect(setTitles(ks1)).toEqual(
      expect.arrayContaining([
        '‘Think, then Click!’ Key Stage 1 pupil agreement',
        '‘Think, then Click!’ Foundation Stage 2 & Key Stage 1 e-Safety Rules',
        'This is how I keep SAFE online (Key Stage 1)',
        // Gracefield's pupil rules are for KS2 and also for KS1: listed under both.
        'Pupil Acceptable Use Agreement / E-Safety Rules',
      ]),
    );
    const poster = within(ks1)
      .getByRole('link', { name: /Foundation Stage 2 & Key Stage 1 e-Safety Rules/ })
      .closest('li')!;
    expect(poster.textContent).toContain('Poster · 6 rules · EYFS / KS1');
    expect(poster.textContent).toContain(
      'Source: Whiston, ‘Foundation Stage 2 & Key Stage 1 e-Safety Rules (lines 661-687)’',
    );
    expect(poster.textContent).toContain('Version 1.0.');
    expect(setTitles(section('Visitors and contractors'))).toEqual([
      'Visitors and Contractors Acceptable Use Agreement',
      'Staff and Visitor Acceptable Use Agreement / Code of Conduct',
    ]);
    expect(setTitles(section('Community users'))).toEqual([
      'Acceptable Use Agreement for Community Users',
    ]);
    // The default pack is said to be the default, not passed off as the school's own.
    expect(screen.getByText(/has not downloaded your school’s policy pack yet/)).toBeTruthy();
    expect(status()).toBe(`${defaultPack.ruleSets.length} rule sets.`);
  });

  it('shows one audience when chosen, and keeps the choice in the address', async () => {
    const router = renderRules('/rules');
    await heading(1, 'Rules and agreements');
    const everyone = screen.getByRole('button', { name: 'Everyone' });
    expect(everyone.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'KS2' }));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'KS2' }).getAttribute('aria-pressed')).toBe('true');
    expect(everyone.getAttribute('aria-pressed')).toBe('false');
    const titles = setTitles(section('KS2'));
    expect(titles).toContain('‘Think, then Click!’ Key Stage 2 e-Safety Rules');
    expect(titles).not.toContain('‘Think, then Click!’ Key Stage 1 pupil agreement');
    expect(router.state.location.search).toMatchObject({ audience: 'ks2' });
    expect(status()).toBe(`${titles.length} rule sets for KS2.`);
  });

  it('opens a rule set from the list', async () => {
    const router = renderRules('/rules?audience=ks2');
    await heading(2, 'KS2');
    fireEvent.click(
      screen.getByRole('link', { name: '‘Think, then Click!’ Key Stage 2 e-Safety Rules' }),
    );
    await heading(1, '‘Think, then Click!’ Key Stage 2 e-Safety Rules');
    expect(router.state.location.pathname).toBe('/rules/whiston-ks2-poster');
    // The screen's list (the printed layouts beside it are hidden by the print CSS).
    const onScreen = within(document.querySelector<HTMLElement>('.rules-screen')!);
    expect(onScreen.getAllByRole('listitem')).toHaveLength(10);
    expect(onScreen.getByText('We will only e-mail people an adult has approved.')).toBeTruthy();
  });

  it('says so when a rule set is not in the pack', async () => {
    renderRules('/rules/no-such-set');
    await heading(1, 'Rule set not found');
    expect(screen.getByRole('link', { name: 'See all rules and agreements' })).toBeTruthy();
  });
});

describe('searching all the rules', () => {
  it('finds rules as the words are typed and marks the matches', async () => {
    const router = renderRules('/rules');
    await heading(1, 'Rules and agreements');
    search('USB');
    const expected = searchRules(defaultPack.ruleSets, 'USB');
    await waitFor(() =>
      expect(status()).toBe(`${expected.rules.length} rules and 0 rule sets match “USB”.`),
    );
    expect(expected.rules.length).toBeGreaterThanOrEqual(4);
    // Matches are <mark>ed with their own case kept.
    expect(new Set(marks())).toEqual(new Set(['USB']));
    const results = section('Rules');
    expect(
      within(results).getByRole('heading', {
        name: '‘Think, then Click!’ Key Stage 2 e-Safety Rules',
      }),
    ).toBeTruthy();
    const hit = within(results)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('We will not bring USB flash drives'))!;
    expect(hit.textContent).toMatch(/^Rule 7\. /);
    expect(hit.querySelector('mark')?.textContent).toBe('USB');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ q: 'USB' }));
  });

  it('needs every word, ignores case and quote marks, and searches within the chosen audience', async () => {
    renderRules('/rules?audience=eyfs-ks1');
    await heading(2, 'EYFS / KS1');
    search("don't SECRETS");
    await waitFor(() => expect(status()).toMatch(/^1 rule and 0 rule sets match/));
    expect(marks()).toEqual(['don’t', 'SECRETS']);
    expect(status()).toBe("1 rule and 0 rule sets match “don't SECRETS” for EYFS / KS1.");

    search('adult');
    await waitFor(() => expect(status()).toMatch(/match “adult” for EYFS \/ KS1/));
    const sets = within(section('Rules'))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent!);
    for (const title of sets) {
      const set = defaultPack.ruleSets.find((s) => s.title === title)!;
      expect([set.audience, ...(set.alsoFor ?? [])]).toContain('eyfs-ks1');
    }
    expect(sets).not.toContain('‘Think, then Click!’ Key Stage 2 e-Safety Rules');
  });

  it('finds rule sets by title, and says when nothing matches', async () => {
    renderRules('/rules');
    await heading(1, 'Rules and agreements');
    search('think then click');
    await waitFor(() => expect(status()).toMatch(/and 4 rule sets match/));
    expect(within(section('Rule sets')).getAllByRole('link')).toHaveLength(4);
    expect(marks()).toEqual(expect.arrayContaining(['Think', 'then', 'Click']));

    search('zebra crossing');
    await waitFor(() => expect(screen.getByText(/No rules match/)).toBeTruthy());
    expect(status()).toBe('0 rules and 0 rule sets match “zebra crossing”.');

    // One letter is not a search: the list comes back.
    search('a');
    await waitFor(() => expect(status()).toBe(`${defaultPack.ruleSets.length} rule sets.`));
    expect(marks()).toEqual([]);
  });
});
