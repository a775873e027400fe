import { useState } from "react";

/**
 * How many times `open` has turned true. A dialog keys its form with it, so each opening mounts a
 * fresh form (state from props, mutations reset) with no effect resetting state after a render;
 * while closing, the key stays the same, so the content does not flash back to its defaults.
 */
export function useOpenCount(open: boolean): number {
  const [count, setCount] = useState(open ? 1 : 0);
  const [wasOpen, setWasOpen] = useState(open);
  // Adjusting state while rendering (React's pattern for state derived from a prop change).
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setCount(count + 1);
  }
  return count;
}
