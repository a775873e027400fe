import { useCallback, useState } from "react";

const box = "size-4 accent-primary disabled:opacity-40";

export interface DataTableSelection<T, K> {
  selected: ReadonlySet<K>;
  /** Turns the given rows on or off; the rest of the selection (other pages) stays as it is. */
  onChange: (keys: K[], on: boolean) => void;
  /** Accessible name of the header box, e.g. "Select all on this page". */
  allLabel: string;
  rowLabel: (row: T) => string;
  /** Why a row cannot be selected (its box is disabled), or null when it can. */
  blocked?: (row: T) => { label: string; title: string } | null;
}

function All<T, K>({ selection, rows }: { selection: DataTableSelection<T, K>; rows: { row: T; key: K }[] }) {
  // "All" means every row on screen that may be selected; the header box acts on those alone.
  const open = rows.filter(({ row }) => !selection.blocked?.(row)).map(({ key }) => key);
  const checked = open.length > 0 && open.every((k) => selection.selected.has(k));
  return (
    <input
      type="checkbox"
      className={box}
      aria-label={selection.allLabel}
      checked={checked}
      disabled={open.length === 0}
      onChange={(e) => selection.onChange(open, e.target.checked)}
    />
  );
}

function One<T, K>({ selection, row, rowKey }: { selection: DataTableSelection<T, K>; row: T; rowKey: K }) {
  const blocked = selection.blocked?.(row) ?? null;
  return (
    <input
      type="checkbox"
      className={box}
      aria-label={blocked?.label ?? selection.rowLabel(row)}
      title={blocked?.title}
      checked={selection.selected.has(rowKey)}
      disabled={blocked !== null}
      onChange={(e) => selection.onChange([rowKey], e.target.checked)}
    />
  );
}

export const DataTableSelectBox = { All, One };

/** A set of selected row keys that outlives paging, with the add/remove DataTable's boxes call. */
export function useRowSelection<K>() {
  const [selected, setSelected] = useState<ReadonlySet<K>>(() => new Set());
  const change = useCallback(
    (keys: K[], on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const k of keys)
          if (on) next.add(k);
          else next.delete(k);
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, change, clear };
}
