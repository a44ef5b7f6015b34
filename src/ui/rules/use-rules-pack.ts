/**
 * The pack the rules library reads: the school's pack cached on this device (usePolicy),
 * or, before one has ever been downloaded, the default pack built from the seed policies,
 * loaded on demand (it is precached with the app, so this works offline from a cold start).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PolicyPack } from '../../policy/pack-schema.ts';
import { usePolicy } from '../app/policy.tsx';

export type RulesPack =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; pack: PolicyPack; fromSchool: boolean };

let loading: Promise<PolicyPack> | null = null;

/** The default pack, imported once. */
export function loadDefaultPack(): Promise<PolicyPack> {
  loading ??= import('../../policy/default-pack/index.ts').then(
    (m) => m.defaultPack,
    (e: unknown) => {
      loading = null; // let a later visit try again
      throw e;
    },
  );
  return loading;
}

export function useRulesPack(): RulesPack {
  const { pack } = usePolicy();
  const [fallback, setFallback] = useState<RulesPack>({ state: 'loading' });
  useEffect(() => {
    if (pack) return;
    let live = true;
    loadDefaultPack().then(
      (p) => live && setFallback({ state: 'ready', pack: p, fromSchool: false }),
      () => live && setFallback({ state: 'failed' }),
    );
    return () => void (live = false);
  }, [pack]);
  return pack ? { state: 'ready', pack, fromSchool: true } : fallback;
}
