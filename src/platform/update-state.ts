/**
 * Whether a new version of the app is waiting, and how to apply it. Registration (which
 * needs workbox-window) loads after the first screen is drawn and reports here, so showing
 * the prompt costs the first screen nothing.
 */
let apply: (() => void) | null = null;
const listeners = new Set<(waiting: boolean) => void>();

export function announceUpdateWaiting(applyUpdateNow: () => void): void {
  apply = applyUpdateNow;
  listeners.forEach((l) => l(true));
}

export function onUpdateWaiting(listener: (waiting: boolean) => void): () => void {
  listeners.add(listener);
  listener(apply !== null);
  return () => void listeners.delete(listener);
}

/** Applied only when the user chooses: a teacher mid-record must never lose the page. */
export function applyUpdate(): void {
  apply?.();
}
