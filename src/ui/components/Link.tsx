/**
 * Links between the app's own screens. A real `<a href>`, so opening in a new tab, copying
 * the address and screen readers all work; a plain click moves through the router without
 * reloading. TanStack's Link does this and much more (preloading on intent, relative and
 * masked destinations, external-URL checks) that the app does not use, and it is about
 * 3 kB gzip of the tablet's start-up script, whose budget is 80 kB. The type is the router's
 * own, so destinations, params and search are still checked against the route tree.
 *
 * Every destination here is absolute (`/capture/$draftId`), so none depends on the current
 * route. The link to the screen being shown says so (`aria-current="page"`).
 */
import { useLocation, useRouter, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, TargetedMouseEvent } from 'preact';

interface AppLinkProps extends Omit<AnchorHTMLAttributes, 'href' | 'target' | 'role'> {
  target?: string;
  to: string;
  params?: Record<string, string>;
  search?: Record<string, unknown>;
  hash?: string;
  replace?: boolean;
}

function AppLink({ to, params, search, hash, replace, onClick, target, ...rest }: AppLinkProps) {
  const router = useRouter();
  const path = useLocation({ select: (l) => l.pathname });
  if (!to.startsWith('/')) throw new Error(`Link to "${to}": destinations must be absolute.`);
  const next = router.buildLocation({ to, params, search, hash } as never);
  const follow = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    const elsewhere = target !== undefined && target !== '_self';
    if (event.defaultPrevented || event.button !== 0 || modified || elsewhere) return;
    event.preventDefault();
    void router.navigate({ to, params, search, hash, replace } as never);
  };
  return (
    <a
      {...rest}
      href={router.history.createHref(next.publicHref)}
      target={target}
      aria-current={next.pathname === path ? 'page' : undefined}
      onClick={follow}
    />
  );
}

export const Link = AppLink as unknown as LinkComponent<'a'>;
