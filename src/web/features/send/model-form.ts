// Pure helpers behind the template model form: the form walks the model's own value, and the
// template's suggested model supplies the shape of new list items.

export type ModelValue = string | number | boolean | null | ModelValue[] | { [key: string]: ModelValue };
export type ModelObject = { [key: string]: ModelValue };
export type ModelPath = readonly (string | number)[];

export function isModelObject(v: unknown): v is ModelObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Any JSON value as a model value (anything else, e.g. undefined, becomes null). */
export function toModelValue(v: unknown): ModelValue {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (Array.isArray(v)) return v.map(toModelValue);
  if (isModelObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toModelValue(x)]));
  return null;
}

/** An empty value of the same shape: what "Add an item" appends to a list. */
export function blankLike(v: ModelValue | undefined): ModelValue {
  if (typeof v === "string" || v === undefined || v === null) return "";
  if (typeof v === "number") return 0;
  if (typeof v === "boolean") return false;
  if (Array.isArray(v)) return v.length ? [blankLike(v[0])] : [];
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blankLike(x)]));
}

/** The value at a path, or undefined. */
export function getAt(root: ModelValue | undefined, path: ModelPath): ModelValue | undefined {
  let cur: ModelValue | undefined = root;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === "number") cur = cur[key];
    else if (isModelObject(cur) && typeof key === "string") cur = cur[key];
    else return undefined;
  }
  return cur;
}

/** A copy of root with the value at path replaced (objects and lists along the way are copied). */
export function setAt(root: ModelValue, path: ModelPath, next: ModelValue): ModelValue {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  if (Array.isArray(root) && typeof key === "number") {
    if (key < 0 || key > root.length) throw new Error(`No item ${key} in a list of ${root.length}`);
    const copy = [...root];
    copy[key] = setAt(root[key] ?? blankLike(next), rest, next);
    return copy;
  }
  if (isModelObject(root) && typeof key === "string") {
    return { ...root, [key]: setAt(root[key] ?? (typeof rest[0] === "number" ? [] : {}), rest, next) };
  }
  throw new Error(`Cannot set ${String(key)} inside a ${Array.isArray(root) ? "list" : typeof root}`);
}

/** Removes a list item (the last path element is its index). */
export function removeAt(root: ModelValue, path: ModelPath): ModelValue {
  const index = path[path.length - 1];
  const parent = getAt(root, path.slice(0, -1));
  if (!Array.isArray(parent) || typeof index !== "number") throw new Error("removeAt needs a list item");
  return setAt(
    root,
    path.slice(0, -1),
    parent.filter((_, i) => i !== index),
  );
}

/**
 * The shape of a new item for the list at `path`: the suggested model's first item at the same
 * place (list indices all read item 0), else the list's own first item, else a text.
 */
export function listItemTemplate(suggested: ModelValue | undefined, current: ModelValue, path: ModelPath): ModelValue {
  const generic = path.map((k) => (typeof k === "number" ? 0 : k));
  const fromSuggested = getAt(suggested, [...generic, 0]);
  if (fromSuggested !== undefined) return blankLike(fromSuggested);
  const list = getAt(current, path);
  return blankLike(Array.isArray(list) ? list[0] : undefined);
}

/** "order_items" → "Order items", "firstName" → "First name": labels for model keys. */
export function labelFor(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}
