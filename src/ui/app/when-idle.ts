/**
 * Runs work that no screen is waiting for (checking the endpoint for a newer policy pack,
 * registering the service worker) once the browser has a quiet moment, so it does not
 * compete with drawing the first screen. Safari has no requestIdleCallback: a short timer
 * stands in. Returns a function that cancels the work if it has not run yet.
 */
export function whenIdle(work: () => void, timeoutMs = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 300);
  return () => clearTimeout(id);
}
