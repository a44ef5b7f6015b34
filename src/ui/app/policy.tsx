/**
 * The school's policy pack for the screens: the copy cached on this device at once (so it
 * works offline), then the endpoint's current copy when reachable. A newly served pack is
 * checked with the same checker as `npm run policy:check` (loaded on demand) before it
 * replaces the cached one, so a broken pack never reaches the screens. Asking the endpoint
 * waits for a quiet moment after start-up, and for the network when the browser is offline:
 * no screen waits on it, and on a cold start it would only compete with the first screen.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { PolicyPack } from '../../policy/pack-schema.ts';
import { cachePolicy, getCachedPolicy } from '../../storage/policy-cache.ts';
import { whenIdle } from './when-idle.ts';

export interface PolicySettingsView {
  idleLockMinutes: number;
  hiddenLockSeconds: number;
  unsentWarningHours: number;
  rosterRetentionDays: number;
}

/** Used until a pack is cached: the seed policies' figures. */
export const FALLBACK_SETTINGS: PolicySettingsView = {
  idleLockMinutes: 10,
  hiddenLockSeconds: 60,
  unsentWarningHours: 24,
  rosterRetentionDays: 7,
};

export interface PolicyValue {
  pack: PolicyPack | null;
  settings: PolicySettingsView;
  fetchedAt: string | null;
  /** False until the copy cached on this device has been read (or found missing). */
  cacheRead: boolean;
  refresh: () => Promise<void>;
}

const PolicyContext = createContext<PolicyValue>({
  pack: null,
  settings: FALLBACK_SETTINGS,
  fetchedAt: null,
  cacheRead: true,
  refresh: async () => {},
});

export const usePolicy = () => useContext(PolicyContext);

export function PolicyProvider({ children }: { children: ComponentChildren }) {
  const [pack, setPack] = useState<PolicyPack | null>(null);
  const [fetchedAt, setFetchedAt] = useState<string | null>(null);
  const [cacheRead, setCacheRead] = useState(false);

  const refresh = useCallback(async () => {
    let served: string;
    try {
      // Loaded on demand: the first screen draws from the cached pack without the API client.
      const { createApiClient } = await import('../../sync/api-client.ts');
      served = await createApiClient({ endpoint: location.origin }).policyText(
        await (await import('../../storage/own-school.ts')).enrolledSchoolId(),
      );
    } catch {
      return; // offline: keep the cached pack
    }
    const cached = await getCachedPolicy();
    if (cached?.json === served) return;
    const { checkPack } = await import('../../policy/check-pack.ts');
    const result = checkPack(JSON.parse(served));
    if (!result.ok) return; // the endpoint checks too; never adopt a broken pack
    await cachePolicy(served);
    setPack(result.pack);
    setFetchedAt(new Date().toISOString());
  }, []);

  useEffect(() => {
    let live = true;
    let cancelRefresh = () => {};
    void (async () => {
      const cached = await getCachedPolicy().catch(() => undefined);
      if (!live) return;
      if (cached) {
        setPack(JSON.parse(cached.json) as PolicyPack);
        setFetchedAt(cached.fetchedAt);
      }
      setCacheRead(true);
      // Offline, the `online` listener below asks once the network is back.
      if (navigator.onLine !== false) cancelRefresh = whenIdle(() => void refresh());
    })();
    const onOnline = () => void refresh();
    window.addEventListener('online', onOnline);
    return () => {
      live = false;
      cancelRefresh();
      window.removeEventListener('online', onOnline);
    };
  }, [refresh]);

  const value = useMemo<PolicyValue>(
    () => ({
      pack,
      settings: pack ? { ...FALLBACK_SETTINGS, ...pack.settings } : FALLBACK_SETTINGS,
      fetchedAt,
      cacheRead,
      refresh,
    }),
    [pack, fetchedAt, cacheRead, refresh],
  );
  return <PolicyContext.Provider value={value}>{children}</PolicyContext.Provider>;
}
