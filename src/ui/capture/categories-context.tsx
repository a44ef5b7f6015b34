/**
 * The school's incident categories (and the few capture settings that come with them) for
 * the capture screens. A provider can be given the policy explicitly (the pack the endpoint
 * serves, or a test's list); without one it loads the default pack on demand, so the pack's
 * size never weighs on the first screen. The glob finds the default pack if it is built and
 * nothing otherwise, so capture still works (with the four Cs) before a pack exists.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { CapturePolicy } from '../../domain/categories.ts';

const defaultPack = import.meta.glob<{ defaultPack?: unknown }>(
  '../../policy/default-pack/index.ts',
);

let loading: Promise<CapturePolicy> | null = null;

/** The default pack's capture policy, loaded once; the fallback if it cannot be read. */
export function loadDefaultCapturePolicy(): Promise<CapturePolicy> {
  const load = Object.values(defaultPack)[0];
  loading ??= import('../../domain/categories.ts').then(({ capturePolicyFrom }) =>
    (load ? load() : Promise.resolve({ defaultPack: null })).then(
      (m) => capturePolicyFrom(m.defaultPack),
      () => capturePolicyFrom(null),
    ),
  );
  return loading;
}

/** null while the policy loads. */
const CapturePolicyContext = createContext<CapturePolicy | null>(null);

export function CategoriesProvider({
  policy,
  waiting = false,
  children,
}: {
  policy?: CapturePolicy | undefined;
  /** The school's policy may still arrive: hold off the default pack until it is known. */
  waiting?: boolean;
  children: ComponentChildren;
}) {
  const [loaded, setLoaded] = useState<CapturePolicy | null>(null);
  useEffect(() => {
    if (policy || waiting) return;
    let live = true;
    void loadDefaultCapturePolicy().then((p) => live && setLoaded(p));
    return () => void (live = false);
  }, [policy, waiting]);
  return (
    <CapturePolicyContext.Provider value={policy ?? loaded}>
      {children}
    </CapturePolicyContext.Provider>
  );
}

/** The capture policy, or null while it loads. */
export const useCapturePolicy = () => useContext(CapturePolicyContext);

/** The categories to offer, or null while they load. */
export const useCategories = () => useCapturePolicy()?.categories ?? null;
