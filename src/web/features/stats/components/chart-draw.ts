import { useEffect, useState, type RefObject } from "react";

// Drawing all ten Recharts charts held the Stats page for most of a second (issue 17). A card now
// draws its chart only once it comes near the viewport, one chart per task, those in view first:
// the figures and the charts in view paint first, the next ones are drawn before they are
// scrolled to, and the far ones cost nothing until then.

/** How far beyond the viewport, above and below, charts are drawn ahead: about a screen. */
export const NEAR_MARGIN = "100% 0px";

export interface DrawCandidate {
  /** Has something to draw (its numbers are in and it is not shown as a table). */
  wanted: boolean;
  /** Within NEAR_MARGIN of the viewport. */
  near: boolean;
  /** On screen. */
  inView: boolean;
  draw: () => void;
}

/**
 * Charts waiting to be drawn, in page order (the order they were added). `next` picks the first
 * wanted one in view, else the first wanted one near; the others wait for an `update`.
 */
export function createDrawQueue(defer: (run: () => void, onScreen: boolean) => void) {
  const waiting = new Map<object, DrawCandidate>();
  // A run asked for now (a chart on screen) and one asked for when idle (charts off screen).
  let pendingNow = false;
  let pendingIdle = false;

  function next(): [object, DrawCandidate] | undefined {
    let near: [object, DrawCandidate] | undefined;
    for (const entry of waiting) {
      if (!entry[1].wanted) continue;
      if (entry[1].inView) return entry;
      if (entry[1].near && !near) near = entry;
    }
    return near;
  }
  function run(onScreen: boolean) {
    if (onScreen) pendingNow = false;
    else pendingIdle = false;
    const found = next();
    if (!found) return;
    waiting.delete(found[0]);
    found[1].draw();
    schedule();
  }
  function schedule() {
    const found = next();
    if (!found) return;
    const onScreen = found[1].inView;
    // A chart on screen does not wait for an idle run already asked for.
    if (pendingNow || (pendingIdle && !onScreen)) return;
    if (onScreen) pendingNow = true;
    else pendingIdle = true;
    defer(() => run(onScreen), onScreen);
  }
  return {
    add(key: object, candidate: DrawCandidate) {
      waiting.set(key, candidate);
      schedule();
    },
    update(key: object, change: Partial<Pick<DrawCandidate, "wanted" | "near" | "inView">>) {
      const candidate = waiting.get(key);
      if (!candidate) return;
      Object.assign(candidate, change);
      schedule();
    },
    remove(key: object) {
      waiting.delete(key);
    },
  };
}

// One task per chart, so input and paint get a turn between charts. Charts off screen wait for an
// idle moment, so they do not slow down the ones on screen (whose drawing spans several tasks).
const queue = createDrawQueue((run, onScreen) =>
  onScreen || typeof requestIdleCallback === "undefined"
    ? setTimeout(run)
    : requestIdleCallback(run, { timeout: 1000 }),
);
const inViewListeners = new WeakMap<Element, (inView: boolean) => void>();
let observers: { near: IntersectionObserver; view: IntersectionObserver } | undefined;

function observe(el: Element) {
  observers ??= {
    near: new IntersectionObserver(
      (entries) => entries.forEach((e) => queue.update(e.target, { near: e.isIntersecting })),
      { rootMargin: NEAR_MARGIN },
    ),
    view: new IntersectionObserver((entries) =>
      entries.forEach((e) => {
        queue.update(e.target, { inView: e.isIntersecting });
        inViewListeners.get(e.target)?.(e.isIntersecting);
      }),
    ),
  };
  observers.near.observe(el);
  observers.view.observe(el);
}

function unobserve(el: Element) {
  observers?.near.unobserve(el);
  observers?.view.unobserve(el);
  inViewListeners.delete(el);
}

/**
 * Whether the card's chart may be drawn yet, and whether the card is on screen. A card takes its
 * turn only once it has something to draw (`wanted`), so charts whose numbers arrive together are
 * still drawn one per task. Until the observer first reports, a card counts as on screen, so it
 * shows a loading placeholder rather than claim it is off screen.
 */
export function useChartDraw(ref: RefObject<Element | null>, wanted: boolean): { drawn: boolean; inView: boolean } {
  const [drawn, setDrawn] = useState(false);
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Without IntersectionObserver (old browsers, tests) every chart is drawn, one per task.
    const known = typeof IntersectionObserver !== "undefined";
    queue.add(el, {
      wanted: false,
      near: !known,
      inView: !known,
      draw: () => {
        unobserve(el);
        setDrawn(true);
      },
    });
    if (known) {
      inViewListeners.set(el, setInView);
      observe(el);
    }
    return () => {
      queue.remove(el);
      unobserve(el);
    };
  }, [ref]);
  useEffect(() => {
    if (ref.current) queue.update(ref.current, { wanted });
  }, [ref, wanted]);
  return { drawn, inView };
}
