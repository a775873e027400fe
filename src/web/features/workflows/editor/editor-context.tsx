import { createContext, useContext, useSyncExternalStore } from "react";
import type { EditorState, EditorStore } from "./editor-store";

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditor must be used inside the workflow editor");
  return store;
}

/** Subscribes to one slice; the selector must return a stable value (state objects, not new arrays). */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
