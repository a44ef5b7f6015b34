/**
 * The school's policy pack, cached on the device so procedures, contacts and rules work
 * offline. It holds no record content (the endpoint serves it to anyone), so it lives in its
 * own small idb-keyval database, outside the encrypted record tables.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { guardRead, guardWrite } from './errors.ts';

export const POLICY_CACHE_DB = 'safetrail-policy';

let store: UseStore | null = null;
const policyStore = () => (store ??= createStore(POLICY_CACHE_DB, 'pack'));

export interface CachedPolicy {
  /** The pack JSON exactly as the endpoint served it. */
  json: string;
  fetchedAt: string;
}

export async function getCachedPolicy(): Promise<CachedPolicy | undefined> {
  return guardRead(() => get<CachedPolicy>('current', policyStore()));
}

export async function cachePolicy(
  json: string,
  fetchedAt: string = new Date().toISOString(),
): Promise<void> {
  await guardWrite(() => set('current', { json, fetchedAt } satisfies CachedPolicy, policyStore()));
}
