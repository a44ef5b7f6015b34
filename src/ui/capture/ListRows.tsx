import type { ComponentChildren } from 'preact';
import type { ListEditor } from './list-editor.ts';

interface ListRowsProps<T extends { id: string }> {
  items: T[];
  edit: ListEditor<T>;
  /** In lower case, as in “Remove action 2”; the legend starts it with a capital. */
  noun: string;
  addLabel: string;
  newItem: () => T;
  row: (item: T) => ComponentChildren;
  /** Another way to add an item, offered just above the Add button. */
  children?: ComponentChildren;
}

/**
 * One numbered fieldset per item, each with a Remove button that names its number (several
 * “Remove” buttons must still be told apart by a screen reader), then the Add button.
 */
export function ListRows<T extends { id: string }>(props: ListRowsProps<T>) {
  const legend = props.noun[0]!.toUpperCase() + props.noun.slice(1);
  return (
    <>
      {props.items.map((item, i) => (
        <fieldset key={item.id} class="item">
          <legend>
            {legend} {i + 1}
          </legend>
          {props.row(item)}
          <button type="button" class="secondary" onClick={() => props.edit.remove(item.id)}>
            Remove {props.noun} {i + 1}
          </button>
        </fieldset>
      ))}
      {props.children}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => props.edit.add(props.newItem())}>
          {props.addLabel}
        </button>
      </div>
    </>
  );
}
