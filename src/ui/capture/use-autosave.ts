/**
 * Debounced, serialised autosave: every change is written (encrypted) shortly after typing
 * stops, and at once when the page is hidden or closed or the app locks, so a killed tab
 * or flat battery loses at most the last keystroke or two. Saves never overlap, so an older
 * save can never overwrite a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

export function useAutosave<T>(value: T, save: (value: T) => Promise<void>, delayMs = 300) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<T | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (next === null) return chain.current;
    pending.current = null;
    setState({ kind: 'saving' });
    chain.current = chain.current.then(() =>
      save(next).then(
        () => setState({ kind: 'saved', at: new Date() }),
        (e: unknown) => {
          pending.current ??= next; // keep it for the next attempt: nothing typed is dropped
          setState({
            kind: 'failed',
            message: e instanceof Error ? e.message : 'Could not save the draft.',
          });
        },
      ),
    );
    return chain.current;
  }, [save]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    pending.current = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  }, [value, delayMs, flush]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { state, flush };
}
