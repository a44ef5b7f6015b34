/**
 * The app's own Link: a real anchor whose plain click moves through the router, whose
 * modified click is left to the browser (new tab, new window), and which marks the link to
 * the screen being shown.
 */
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from '../../src/ui/components/Link.tsx';

afterEach(cleanup);

function Nav() {
  return (
    <nav>
      <Link to="/">Home</Link>
      <Link to="/capture/$draftId" params={{ draftId: 'd 1' }} className="button">
        Continue draft
      </Link>
      <Link to="/console/incidents" search={{ q: 'chat', status: 'open' }}>
        Open chat incidents
      </Link>
    </nav>
  );
}

function renderAt(path: string) {
  const root = createRootRoute({
    component: () => (
      <>
        <Nav />
        <Outlet />
      </>
    ),
  });
  const page = (p: string, heading: string) =>
    createRoute({ getParentRoute: () => root, path: p, component: () => <h1>{heading}</h1> });
  const router = createRouter({
    routeTree: root.addChildren([
      page('/', 'Start'),
      page('/capture/$draftId', 'Draft'),
      page('/console/incidents', 'Triage'),
    ]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  render(<RouterProvider router={router as never} />);
  return router;
}

describe('Link', () => {
  it('builds real addresses with params and search, so they can be opened in a new tab', async () => {
    renderAt('/');
    await screen.findByRole('heading', { name: 'Start' });
    expect(screen.getByRole('link', { name: 'Continue draft' }).getAttribute('href')).toBe(
      '/capture/d%201',
    );
    expect(screen.getByRole('link', { name: 'Continue draft' }).className).toBe('button');
    const search = new URL(
      screen.getByRole('link', { name: 'Open chat incidents' }).getAttribute('href')!,
      'http://x',
    );
    expect(search.pathname).toBe('/console/incidents');
    expect(Object.fromEntries(search.searchParams)).toEqual({ q: 'chat', status: 'open' });
  });

  it('moves to the screen on a plain click and marks the link to the current screen', async () => {
    const router = renderAt('/');
    await screen.findByRole('heading', { name: 'Start' });
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('link', { name: 'Continue draft' }));
    await screen.findByRole('heading', { name: 'Draft' });
    expect(router.state.location.pathname).toBe('/capture/d 1');
    expect(screen.getByRole('link', { name: 'Home' }).hasAttribute('aria-current')).toBe(false);
    expect(screen.getByRole('link', { name: 'Continue draft' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('leaves a ctrl-click or a middle click to the browser', async () => {
    const router = renderAt('/');
    await screen.findByRole('heading', { name: 'Start' });
    const link = screen.getByRole('link', { name: 'Open chat incidents' });
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true); // not prevented
    expect(fireEvent.click(link, { button: 1 })).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(router.state.location.pathname).toBe('/');
    expect(fireEvent.click(link)).toBe(false); // prevented: the router took it
    await waitFor(() => expect(router.state.location.pathname).toBe('/console/incidents'));
    expect(router.state.location.search).toEqual({ q: 'chat', status: 'open' });
  });
});
