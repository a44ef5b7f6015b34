/**
 * What the class display does to the page around it while it is open: the rest of the app
 * becomes inert (out of reach of Tab and screen readers) and stops scrolling, the screen is
 * kept awake where the browser allows, and leaving full screen (the browser's own Escape)
 * leaves the display too.
 */
import { useEffect, useState } from 'preact/hooks';
import { exitFullscreen, isFullscreen } from './fullscreen.ts';

/** The app's root element (main.tsx renders into #app); the display is a portal beside it. */
const appRoot = () => document.getElementById('app');

export function useDisplayEffects(onLeave: () => void): void {
  useEffect(() => {
    const app = appRoot();
    app?.setAttribute('inert', '');
    document.documentElement.classList.add('rules-displaying');

    let wake: WakeLockSentinel | null = null;
    let live = true;
    navigator.wakeLock
      ?.request('screen')
      .then((w) => (live ? (wake = w) : void w.release()))
      .catch(() => {});

    let wasFullscreen = isFullscreen();
    const onFullscreenChange = () => {
      const now = isFullscreen();
      if (wasFullscreen && !now) onLeave();
      wasFullscreen = now;
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);

    return () => {
      live = false;
      void wake?.release().catch(() => {});
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.documentElement.classList.remove('rules-displaying');
      app?.removeAttribute('inert');
      exitFullscreen();
    };
  }, [onLeave]);
}

/** True when the person has asked their system for less motion. */
export function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(
    () => typeof matchMedia === 'function' && matchMedia(query).matches,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const list = matchMedia(query);
    const onChange = () => setReduced(list.matches);
    list.addEventListener?.('change', onChange);
    return () => list.removeEventListener?.('change', onChange);
  }, []);
  return reduced;
}

/** Keeps Tab and Shift+Tab among the controls inside `container`. */
export function trapTab(e: KeyboardEvent, container: HTMLElement | null): void {
  if (!container) return;
  const focusable = [
    ...container.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])'),
  ].filter((el) => !el.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const outside = active === container || !container.contains(active);
  if (e.shiftKey && (active === first || outside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || outside)) {
    e.preventDefault();
    first.focus();
  }
}
