import { useEffect, useState } from 'preact/hooks';

/**
 * A module loaded on demand: null until `wanted` and loaded. Everything is precached, so
 * this works offline; it keeps code most visits never run out of the first screen's JS.
 */
export function useLazy<M>(load: () => Promise<M>, wanted = true): M | null {
  const [module, setModule] = useState<M | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    void load().then((m) => live && setModule(() => m));
    return () => void (live = false);
  }, [wanted, module, load]);
  return module;
}
