/**
 * The Fullscreen API, where the browser allows it. Called from the click that opens the
 * class display (browsers grant full screen only to a user's gesture); where it is refused
 * or missing (iPhone Safari, an embedded browser, a test DOM) the display is a fixed overlay
 * covering the page, which looks the same apart from the browser's own toolbars.
 */

export function requestFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') return;
  if (document.fullscreenElement) return;
  root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
    // Refused (no gesture, a policy, an iframe): the overlay alone does the job.
  });
}

export function exitFullscreen(): void {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function')
    document.exitFullscreen().catch(() => {});
}

export const isFullscreen = () => Boolean(document.fullscreenElement);
