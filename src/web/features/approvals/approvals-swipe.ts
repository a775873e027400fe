import { useEffect, useRef, type RefObject } from "react";

export type SwipeDirection = "next" | "previous";

export interface SwipeSample {
  dx: number;
  dy: number;
  /** Milliseconds from touch-down to lift. */
  dt: number;
}

/** Far enough to be meant; a quick flick may be shorter. */
export const SWIPE_DISTANCE = 70;
export const FLICK_DISTANCE = 35;
export const FLICK_MS = 250;

/**
 * A gesture → a direction, or null. Mostly-vertical movement is scrolling, never a swipe.
 * Leftwards (finger moves left) goes to the next item, as when turning a page.
 */
export function swipeDirection({ dx, dy, dt }: SwipeSample): SwipeDirection | null {
  const ax = Math.abs(dx);
  if (ax < Math.abs(dy) * 1.5) return null;
  const meant = ax >= SWIPE_DISTANCE || (ax >= FLICK_DISTANCE && dt <= FLICK_MS);
  if (!meant) return null;
  return dx < 0 ? "next" : "previous";
}

export interface Neighbours<T> {
  index: number;
  total: number;
  previous: T | null;
  next: T | null;
}

/** Where `current` sits in the list and who is on each side; index -1 when it is not in the list. */
export function neighbours<T>(ids: readonly T[], current: T): Neighbours<T> {
  const index = ids.indexOf(current);
  if (index < 0) return { index, total: ids.length, previous: null, next: ids[0] ?? null };
  return { index, total: ids.length, previous: ids[index - 1] ?? null, next: ids[index + 1] ?? null };
}

/** After deciding an item, where to go: the next one, else the previous one, else back to the list. */
export function afterDecision<T>(ids: readonly T[], decided: T): T | null {
  const n = neighbours(ids, decided);
  return n.next ?? n.previous;
}

/** Gestures that start on these are theirs (selecting text, scrolling code, editing), not a swipe. */
const ignoredTargets = "input, textarea, select, iframe, pre, [data-no-swipe], [role=dialog]";

/** Calls `onSwipe` on a horizontal swipe over `ref` (touch or pen; mouse drags select text instead). */
export function useSwipe(
  ref: RefObject<HTMLElement | null>,
  onSwipe: (d: SwipeDirection) => void,
  enabled = true,
): void {
  const latest = useRef(onSwipe);
  latest.current = onSwipe;
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    let start: { x: number; y: number; t: number; id: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.pointerType === "mouse" || !e.isPrimary) return;
      if (e.target instanceof Element && e.target.closest(ignoredTargets)) return;
      start = { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId };
    };
    const up = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.id) return;
      const d = swipeDirection({ dx: e.clientX - start.x, dy: e.clientY - start.y, dt: e.timeStamp - start.t });
      start = null;
      if (d) latest.current(d);
    };
    const cancel = () => {
      start = null;
    };
    el.addEventListener("pointerdown", down);
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", cancel);
    return () => {
      el.removeEventListener("pointerdown", down);
      el.removeEventListener("pointerup", up);
      el.removeEventListener("pointercancel", cancel);
    };
  }, [ref, enabled]);
}
