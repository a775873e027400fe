import { describe, expect, it } from "vitest";
import { afterDecision, neighbours, swipeDirection } from "./approvals-swipe";

describe("swipe navigation", () => {
  it("turns a long leftward swipe into next and rightward into previous", () => {
    expect(swipeDirection({ dx: -120, dy: 10, dt: 400 })).toBe("next");
    expect(swipeDirection({ dx: 90, dy: -20, dt: 600 })).toBe("previous");
  });

  it("accepts a short quick flick but not a short slow drag", () => {
    expect(swipeDirection({ dx: -40, dy: 0, dt: 120 })).toBe("next");
    expect(swipeDirection({ dx: -40, dy: 0, dt: 600 })).toBeNull();
  });

  it("treats mostly vertical movement as scrolling", () => {
    expect(swipeDirection({ dx: -100, dy: 90, dt: 200 })).toBeNull();
    expect(swipeDirection({ dx: 5, dy: 300, dt: 200 })).toBeNull();
  });

  it("knows each item's neighbours", () => {
    expect(neighbours([5, 4, 3], 4)).toEqual({ index: 1, total: 3, previous: 5, next: 3 });
    expect(neighbours([5, 4, 3], 5)).toMatchObject({ previous: null, next: 4 });
    expect(neighbours([5, 4, 3], 3)).toMatchObject({ previous: 4, next: null });
    expect(neighbours([5, 4], 9)).toEqual({ index: -1, total: 2, previous: null, next: 5 });
  });

  it("moves on after a decision: next, else previous, else nowhere", () => {
    expect(afterDecision([5, 4, 3], 4)).toBe(3);
    expect(afterDecision([5, 4, 3], 3)).toBe(4);
    expect(afterDecision([5], 5)).toBeNull();
  });
});
