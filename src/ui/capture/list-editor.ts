import type { FormApi } from './form-api.ts';

/** Changes one item of a list in the record, clearing that item's errors for the fields changed. */
export function listEditor<T extends { id: string }>(
  api: FormApi,
  prefix: string,
  get: (f: FormApi['fields']) => T[],
  put: (f: FormApi['fields'], items: T[]) => FormApi['fields'],
) {
  return {
    change: (id: string, patch: Partial<T>) =>
      api.update(
        (f) =>
          put(
            f,
            get(f).map((x) => (x.id === id ? { ...x, ...patch } : x)),
          ),
        Object.keys(patch).map((k) => `${prefix}.${id}.${k}`),
      ),
    add: (item: T) => api.update((f) => put(f, [...get(f), item]), [prefix]),
    remove: (id: string) =>
      api.update(
        (f) =>
          put(
            f,
            get(f).filter((x) => x.id !== id),
          ),
        [`${prefix}.${id}.*`],
      ),
  };
}
