import { describe, expect, it } from "vitest";
import { createDrawQueue } from "./chart-draw";

/** A queue whose deferred runs happen when the test says, recording which charts were drawn. */
function setup() {
  const pending: (() => void)[] = [];
  const onScreen: boolean[] = [];
  const queue = createDrawQueue((run, inView) => {
    pending.push(run);
    onScreen.push(inView);
  });
  const drawn: string[] = [];
  const add = (name: string, state: { wanted?: boolean; near?: boolean; inView?: boolean } = {}) => {
    const key = { name };
    queue.add(key, { wanted: true, near: false, inView: false, ...state, draw: () => drawn.push(name) });
    return key;
  };
  /** Runs deferred tasks, one at a time, until none is left. */
  const flush = () => {
    while (pending.length) pending.shift()!();
  };
  return { queue, drawn, add, flush, pending, onScreen };
}

describe("chart draw queue", () => {
  it("draws the charts in view first, then the near ones, in page order, one per task", () => {
    const { drawn, add, flush, pending, onScreen } = setup();
    add("near-1", { near: true });
    add("view-1", { near: true, inView: true });
    add("far", {});
    add("view-2", { near: true, inView: true });
    add("near-2", { near: true });
    // The first near chart asked for an idle run, the first chart in view for one at once.
    expect(pending).toHaveLength(2);
    pending.shift()!();
    expect(drawn).toEqual(["view-1"]);
    flush();
    expect(drawn).toEqual(["view-1", "view-2", "near-1", "near-2"]);
    // Charts on screen are drawn at once, the others when the page is idle.
    expect(onScreen).toEqual([false, true, false, false]);
  });

  it("leaves far charts until they come near, and charts with nothing to draw until they have", () => {
    const { queue, drawn, add, flush } = setup();
    const far = add("far");
    const loading = add("loading", { wanted: false, inView: true, near: true });
    flush();
    expect(drawn).toEqual([]);
    queue.update(far, { near: true });
    flush();
    expect(drawn).toEqual(["far"]);
    queue.update(loading, { wanted: true });
    flush();
    expect(drawn).toEqual(["far", "loading"]);
  });

  it("draws each chart once and forgets removed ones", () => {
    const { queue, drawn, add, flush } = setup();
    const gone = add("gone", { near: true });
    const once = add("once", { near: true });
    queue.remove(gone);
    flush();
    queue.update(once, { inView: true });
    flush();
    expect(drawn).toEqual(["once"]);
  });
});
