/**
 * A rule set's screen with the default pack: class display (keyboard, buttons, swipe, the
 * announced position, the poster view, contrast, reduced motion, focus in and out), the
 * print choice, and "Record a breach" going to the capture address. happy-dom has no
 * Fullscreen API, so the display is the fixed overlay here; the e2e test covers Chromium.
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
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { RuleSetRoute } from '../../src/ui/rules/RulesRoutes.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('data-print');
});

function renderRuleSet(id: string) {
  const root = createRootRoute({ component: () => <Outlet /> });
  const ruleSet = createRoute({
    getParentRoute: () => root,
    path: '/rules/$ruleSetId',
    component: RuleSetRoute,
  });
  const capture = createRoute({
    getParentRoute: () => root,
    path: '/capture',
    component: () => <h1>Capture</h1>,
  });
  const router = createRouter({
    routeTree: root.addChildren([ruleSet, capture]),
    history: createMemoryHistory({ initialEntries: [`/rules/${id}`] }),
  });
  render(<RouterProvider router={router as never} />);
  return router;
}

const KS1_POSTER = 'whiston-fs2-ks1-poster';
const ks1 = defaultPack.ruleSets.find((s) => s.id === KS1_POSTER)!;

async function openDisplay(id = KS1_POSTER) {
  renderRuleSet(id);
  const show = await screen.findByRole('button', { name: 'Show to the class' });
  fireEvent.click(show);
  const dialog = await screen.findByRole('dialog');
  return { show, dialog };
}

const position = () => document.querySelector('[aria-live="polite"]')!;
const key = (k: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });
const ruleShown = () => document.querySelector('.rules-display-rule')!.textContent;

describe('class display: entering and leaving', () => {
  it('opens as a labelled modal dialog holding focus, and Escape returns focus to its button', async () => {
    const { show, dialog } = await openDisplay();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe(ks1.title);
    expect(dialog.getAttribute('aria-labelledby')).toBe(
      within(dialog).getByRole('heading', { level: 2 }).id,
    );
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Escape leaves/,
    );
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    expect(document.documentElement.classList.contains('rules-displaying')).toBe(true);

    key('Escape');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(show));
    expect(document.documentElement.classList.contains('rules-displaying')).toBe(false);
  });

  it('leaves by its button too', async () => {
    const { show } = await openDisplay();
    fireEvent.click(screen.getByRole('button', { name: 'Leave class display' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(show));
  });

  it('keeps Tab inside the dialog', async () => {
    const { dialog } = await openDisplay();
    const buttons = within(dialog).getAllByRole('button');
    buttons[buttons.length - 1]!.focus();
    key('Tab');
    expect(document.activeElement).toBe(buttons[0]);
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
  });
});

describe('class display: moving through the rules', () => {
  it('pages with the keyboard and announces the position politely', async () => {
    await openDisplay();
    const live = position();
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.getAttribute('aria-atomic')).toBe('true');
    expect(live.textContent).toBe('Rule 1 of 6');
    expect(ruleShown()).toContain(ks1.rules[0]!.text);

    const steps: [string, KeyboardEventInit, number][] = [
      ['ArrowRight', {}, 2],
      ['PageDown', {}, 3],
      [' ', {}, 4],
      ['ArrowLeft', {}, 3],
      ['PageUp', {}, 2],
      [' ', { shiftKey: true }, 1],
      ['End', {}, 6],
      ['ArrowRight', {}, 6], // stays on the last rule
      ['Home', {}, 1],
      ['ArrowLeft', {}, 1], // and on the first
    ];
    for (const [k, init, n] of steps) {
      key(k, init);
      await waitFor(() => expect(live.textContent).toBe(`Rule ${n} of 6`));
      expect(ruleShown()).toContain(ks1.rules[n - 1]!.text);
    }
    // Browser shortcuts are left alone.
    key('ArrowRight', { ctrlKey: true });
    expect(live.textContent).toBe('Rule 1 of 6');
  });

  it('moves with the large buttons, which say when they are at an end', async () => {
    await openDisplay();
    const prev = screen.getByRole('button', { name: 'Previous rule' });
    const next = screen.getByRole('button', { name: 'Next rule' });
    expect(prev.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(next);
    await waitFor(() => expect(position().textContent).toBe('Rule 2 of 6'));
    expect(prev.getAttribute('aria-disabled')).toBe('false');
    fireEvent.click(prev);
    await waitFor(() => expect(position().textContent).toBe('Rule 1 of 6'));
    // Space on a focused button is that button's, not a second "next".
    next.focus();
    key(' ');
    expect(position().textContent).toBe('Rule 1 of 6');
  });

  it('moves with a sideways swipe, and ignores a mostly vertical drag', async () => {
    await openDisplay();
    const stage = document.querySelector('.rules-display-stage')!;
    const swipe = (x0: number, x1: number, y1 = 400) => {
      fireEvent.pointerDown(stage, { pointerId: 1, clientX: x0, clientY: 400 });
      fireEvent.pointerUp(stage, { pointerId: 1, clientX: x1, clientY: y1 });
    };
    swipe(700, 300);
    await waitFor(() => expect(position().textContent).toBe('Rule 2 of 6'));
    swipe(300, 700);
    await waitFor(() => expect(position().textContent).toBe('Rule 1 of 6'));
    swipe(500, 440, 700);
    expect(position().textContent).toBe('Rule 1 of 6');
  });

  it('slides in the direction of travel, and not at all when reduced motion is asked for', async () => {
    await openDisplay();
    key('ArrowRight');
    await waitFor(() =>
      expect(document.querySelector('.rules-display-rule')!.getAttribute('data-enter')).toBe(
        'next',
      ),
    );
    cleanup();
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q === '(prefers-reduced-motion: reduce)',
      addEventListener() {},
      removeEventListener() {},
    }));
    await openDisplay();
    key('ArrowRight');
    await waitFor(() => expect(position().textContent).toBe('Rule 2 of 6'));
    expect(document.querySelector('.rules-display-rule')!.getAttribute('data-enter')).toBe('none');
  });
});

describe('class display: poster view and contrast', () => {
  it('shows the whole poster at once, and switches to white on black', async () => {
    const { dialog } = await openDisplay();
    const poster = screen.getByRole('button', { name: 'Whole poster' });
    expect(poster.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(poster);
    await waitFor(() => expect(position().textContent).toBe('All 6 rules'));
    expect(poster.getAttribute('aria-pressed')).toBe('true');
    const items = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(ks1.rules.map((r) => r.text));
    expect(screen.queryByRole('button', { name: 'Next rule' })).toBeNull();
    // A long poster scrolls, so it can take focus for the keys to scroll it.
    expect(within(dialog).getByRole('region', { name: 'All the rules' }).tabIndex).toBe(0);

    const contrast = screen.getByRole('button', { name: 'White on black' });
    expect(dialog.getAttribute('data-contrast')).toBe('light');
    fireEvent.click(contrast);
    await waitFor(() => expect(dialog.getAttribute('data-contrast')).toBe('dark'));
    expect(contrast.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'One rule at a time' }));
    await waitFor(() => expect(position().textContent).toBe('Rule 1 of 6'));
  });

  it('shows a rule’s own heading and group', async () => {
    await openDisplay('belmont-data-security');
    key('ArrowRight');
    await waitFor(() => expect(position().textContent).toMatch(/^Rule 2 of \d+$/));
    expect(document.querySelector('.rules-display-group')!.textContent).toBe('Passwords: don’t');
  });
});

describe('printing', () => {
  it('marks the chosen layout on <html> for the print CSS, until printing is done', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderRuleSet('whiston-ks2-agreement');
    fireEvent.click(await screen.findByRole('button', { name: 'Print agreement form' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.documentElement.getAttribute('data-print')).toBe('agreement');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.hasAttribute('data-print')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Print poster' }));
    expect(document.documentElement.getAttribute('data-print')).toBe('poster');
  });

  it('prints the set’s signature lines, or name, class, signature and date', async () => {
    renderRuleSet('whiston-ks2-agreement');
    const form = await screen.findByRole('region', { name: /^Printed agreement form/ });
    const lines = () =>
      [...document.querySelectorAll('.rules-sign-label')].map((l) => l.textContent);
    expect(lines()).toEqual(['Child signature', 'Date']);
    expect(within(form).getAllByRole('listitem')).toHaveLength(10);
    expect(form.textContent).toContain('agree to follow these rules above');
    cleanup();
    renderRuleSet(KS1_POSTER);
    await screen.findByRole('region', { name: /^Printed agreement form/ });
    expect(lines()).toEqual(['Name', 'Class', 'Signature', 'Date']);
    const poster = screen.getByRole('region', { name: /^Printed poster/ });
    expect(within(poster).getAllByRole('listitem')).toHaveLength(6);
  });
});

describe('from a rule to an incident', () => {
  it('opens the capture screen with the rule in the address', async () => {
    const router = renderRuleSet(KS1_POSTER);
    fireEvent.click(await screen.findByRole('button', { name: 'Record a breach of rule 2' }));
    await screen.findByRole('heading', { name: 'Capture' });
    expect(router.state.location.pathname).toBe('/capture');
    expect(router.state.location.search).toEqual({ fromRule: `${KS1_POSTER}:r2` });
    expect(router.state.location.href).toBe(`/capture?fromRule=${KS1_POSTER}%3Ar2`);
  });
});
