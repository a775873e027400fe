import type { ReactNode } from "react";
import { ListStates, type DataAttributes, type ListStateProps } from "@/web/components/list-states";
import { cn } from "@/web/lib/utils";

export interface DataListProps<T, K extends string | number> extends ListStateProps {
  /** Undefined while loading or after an error. */
  items: readonly T[] | undefined;
  itemKey: (item: T, index: number) => K;
  /** What one `<li>` shows. */
  renderItem: (item: T) => ReactNode;
  itemClassName?: string | ((item: T) => string | undefined);
  itemAttributes?: (item: T) => DataAttributes;
  /** Accessible name of the `<ul>`. */
  label: string;
  /** Classes of the `<ul>`: a stack of cards or one card with dividers. */
  className?: string;
  testId?: string;
  /** Column titles above the items, inside the frame (shown only when there are items). */
  head?: ReactNode;
  /** Classes of a frame around `head` and the list, e.g. a border. */
  frameClassName?: string;
}

/**
 * The card variant of DataTable: the same loading, error-with-retry, empty and paging states, with each
 * item drawn by `renderItem` as an `<li>` of a labelled `<ul>`.
 */
export function DataList<T, K extends string | number>({
  items,
  itemKey,
  renderItem,
  itemClassName,
  itemAttributes,
  label,
  className = "flex flex-col gap-3",
  testId,
  head,
  frameClassName,
  ...states
}: DataListProps<T, K>) {
  return (
    <ListStates items={items} {...states}>
      {(list) => {
        const ul = (
          <ul className={className} aria-label={label} data-testid={testId}>
            {list.map((item, i) => (
              <li
                key={itemKey(item, i)}
                className={typeof itemClassName === "function" ? itemClassName(item) : itemClassName}
                {...itemAttributes?.(item)}
              >
                {renderItem(item)}
              </li>
            ))}
          </ul>
        );
        if (head === undefined && frameClassName === undefined) return ul;
        return (
          <div className={cn(frameClassName)}>
            {head}
            {ul}
          </div>
        );
      }}
    </ListStates>
  );
}
