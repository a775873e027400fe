import { useSyncExternalStore } from "react";
import type * as SonnerModule from "sonner";

// sonner is loaded on the first toast, not with the first page: most visits never need it.
type Sonner = typeof SonnerModule;
type Options = { id?: string | number; description?: string };

let sonner: Promise<Sonner> | null = null;
let wanted = false;
const listeners = new Set<() => void>();

export function loadSonner(): Promise<Sonner> {
  sonner ??= import("sonner");
  if (!wanted) {
    wanted = true;
    listeners.forEach((l) => l());
  }
  return sonner;
}

/** Toasts created before the Toaster mounts are replayed by sonner when it subscribes. */
export const notify = {
  error: (message: string, options?: Options) => void loadSonner().then((s) => s.toast.error(message, options)),
  success: (message: string, options?: Options) => void loadSonner().then((s) => s.toast.success(message, options)),
};

export function useToasterWanted(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => wanted,
    () => wanted,
  );
}
