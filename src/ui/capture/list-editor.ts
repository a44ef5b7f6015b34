import type { FieldBinding } from '../components/use-form.ts';
import type { FormApi } from './form-api.ts';

/** Keys of an item whose value is free text (not its id, nor a choice from a list). */
type TextKey<T> = Exclude<
  { [K in keyof T]: string extends T[K] ? K : never }[keyof T] & string,
  'id'
>;

export interface ListEditor<T extends { id: string }> {
  change: (id: string, patch: Partial<T>) => void;
  add: (item: T) => void;
  remove: (id: string) => void;
  /** One text field of one item, with that field's error. */
  field: (item: T, key: TextKey<T>) => FieldBinding;
}

/** Changes one item of a list in the record, clearing that item's errors for the fields changed. */
export function listEditor<T extends { id: string }>(
  api: FormApi,
  prefix: string,
  get: (f: FormApi['fields']) => T[],
  put: (f: FormApi['fields'], items: T[]) => FormApi['fields'],
): ListEditor<T> {
  const change = (id: string, patch: Partial<T>) =>
    api.update(
      (f) =>
        put(
          f,
          get(f).map((x) => (x.id === id ? { ...x, ...patch } : x)),
        ),
      Object.keys(patch).map((k) => `${prefix}.${id}.${k}`),
    );
  return {
    change,
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
    field: (item, key) => ({
      value: item[key] as string,
      onInput: (value) => change(item.id, { [key]: value } as Partial<T>),
      error: api.errors[`${prefix}.${item.id}.${key}`],
    }),
  };
}
