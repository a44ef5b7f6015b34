import type { CategoryArea, CategoryChoice, CategoryOption } from '../../domain/incident.ts';
import { SelectField } from './controls.tsx';

const AREA_LABELS: Record<CategoryArea | 'other', string> = {
  content: 'Content: what is seen',
  contact: 'Contact: who they deal with',
  conduct: 'Conduct: how people behave',
  commerce: 'Commerce: money, scams, data',
  other: 'Data security and other',
};

/**
 * The category picker, grouped by the four Cs. The list comes from the policy pack (through
 * categories-context); a category recorded earlier stays selectable even if the pack has
 * since dropped it, so opening a draft never loses it.
 */
export function CategoryField({
  categories,
  value,
  onChange,
  error,
}: {
  categories: CategoryOption[] | null;
  value: CategoryChoice | null;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const list = categories ?? [];
  const options = value && !list.some((c) => c.id === value.id) ? [...list, value] : list;
  const groups = new Map<string, CategoryOption[]>();
  for (const c of options) {
    const area = c.area ?? 'other';
    groups.set(area, [...(groups.get(area) ?? []), c]);
  }
  return (
    <SelectField
      label="Category"
      value={value?.id ?? ''}
      onChange={onChange}
      disabled={categories === null}
      error={error}
      hint="From the school’s policy. Not sure? Leave it: the DSL will decide."
    >
      <option value="">
        {categories === null ? 'Loading categories…' : 'Not sure yet (the DSL will decide)'}
      </option>
      {[...groups].map(([area, items]) => (
        <optgroup key={area} label={AREA_LABELS[area as CategoryArea | 'other']}>
          {items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
