/**
 * Throttled, serialised autosave: a change is written (encrypted) within `delayMs` of being
 * made, even while typing continues, and at once when the page is hidden or closed or the
 * app locks. Changes made while a save runs are coalesced into the next one. So a killed tab
 * or flat battery loses at most the last keystroke. Saves never overlap, so an older save
 * can never overwrite a newer one; `saveNow` queues a value behind any save in flight (used
 * when evidence is added or removed, where the draft must name exactly the photos stored).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

const RETRY_MS = 5_000;

export function useAutosave<T>(value: T, save: (value: T) => Promise<void>, delayMs = 50) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The value the last finished save wrote (the one loaded counts as saved). "Draft saved"
  // stays on screen while a newer change waits (no flicker), so comparing with this is how
  // a screen reader or a test knows the status is not yet final. Compared in render, it is
  // true from the very render that shows a change, with no effect to wait for.
  const [saved, setSaved] = useState<T>(() => value);
  const pending = useRef<T | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current === null) return chain.current;
    // Only say "Saving…" when a save is slow: flickering on every keystroke helps no one.
    const slow = setTimeout(() => setState({ kind: 'saving' }), 1_000);
    const result = chain.current.then(() => {
      // Taken when this save starts, so changes made while the last one ran are coalesced.
      const next = pending.current;
      if (next === null) return;
      pending.current = null;
      return save(next).then(
        () => {
          setState({ kind: 'saved', at: new Date() });
          setSaved(() => next);
        },
        (e: unknown) => {
          pending.current ??= next; // keep it for the next attempt: nothing typed is dropped
          timer.current ??= setTimeout(() => void flush().catch(() => {}), RETRY_MS);
          setState({
            kind: 'failed',
            message: e instanceof Error ? e.message : 'Could not save the draft.',
          });
          throw e;
        },
      );
    });
    chain.current = result.catch(() => {}).finally(() => clearTimeout(slow));
    return result;
  }, [save]);

  const saveNow = useCallback(
    (next: T): Promise<void> => {
      pending.current = next;
      return flush();
    },
    [flush],
  );

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    pending.current = value;
    // Not reset by further changes: typing without a pause still saves every `delayMs`.
    timer.current ??= setTimeout(() => void flush().catch(() => {}), delayMs);
  }, [value, delayMs, flush]);

  useEffect(() => {
    const onHide = () => void flush().catch(() => {});
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      onHide();
    };
  }, [flush]);

  return { state, unsaved: value !== saved, flush, saveNow };
}
