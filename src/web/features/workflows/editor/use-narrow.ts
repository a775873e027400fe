import { useSyncExternalStore } from "react";

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (l) => {
      const m = window.matchMedia(query);
      m.addEventListener("change", l);
      return () => m.removeEventListener("change", l);
    },
    () => window.matchMedia(query).matches,
  );
}

/** True on phone-sized screens, where the editor shows a step list instead of the free canvas. */
export const useNarrow = () => useMediaQuery("(max-width: 767px)");
/** Wide enough for the side panel to have its own column rather than float over the canvas. */
export const useWide = () => useMediaQuery("(min-width: 1280px)");
