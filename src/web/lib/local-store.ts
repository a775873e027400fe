import { useSyncExternalStore } from "react";

/** A tiny value kept in localStorage that components can subscribe to. */
export function createLocalStore<T>(key: string, parse: (raw: string | null) => T, serialize: (v: T) => string | null) {
  const listeners = new Set<() => void>();
  const read = (): T => {
    try {
      return parse(localStorage.getItem(key));
    } catch {
      return parse(null);
    }
  };
  let current = read();
  const set = (value: T) => {
    current = value;
    try {
      const raw = serialize(value);
      if (raw === null) localStorage.removeItem(key);
      else localStorage.setItem(key, raw);
    } catch {
      // Private mode: keep the value in memory only.
    }
    listeners.forEach((l) => l());
  };
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const get = () => current;
  const use = (): T => useSyncExternalStore(subscribe, get, get);
  return { get, set, use };
}
