import { describe, expect, it } from "vitest";
import { PostmarkError } from "./errors";
import { parseSimulation, Simulator } from "./simulate";

const status = (f: () => void): number | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof PostmarkError) return e.status;
    throw e;
  }
};

describe("SANDBOX_SIMULATE", () => {
  it("parses every setting with units", () => {
    expect(parseSimulation("rate-limit:10/1m, max-body:512kb, fail-next:429x2")).toEqual({
      rateLimit: { requests: 10, windowSeconds: 60 },
      maxBodyBytes: 512 * 1024,
      failNext: { status: 429, count: 2 },
    });
    expect(parseSimulation("rate-limit:3/5").rateLimit).toEqual({ requests: 3, windowSeconds: 5 });
    expect(parseSimulation("max-body:2mb").maxBodyBytes).toBe(2 * 1024 * 1024);
    expect(parseSimulation("")).toEqual({ rateLimit: null, maxBodyBytes: null, failNext: null });
  });

  it("names what is wrong", () => {
    expect(() => parseSimulation("rate-limit:ten")).toThrow(/rate-limit:10\/60s/);
    expect(() => parseSimulation("rate-limit:0/60")).toThrow(/rate-limit/);
    expect(() => parseSimulation("max-body:big")).toThrow(/not a size/);
    expect(() => parseSimulation("fail-next:500x1")).toThrow(/429\|413/);
    expect(() => parseSimulation("slow:5")).toThrow(/unknown setting "slow"/);
  });
});

describe("Simulator", () => {
  it("answers 429 past the limit within the window, and admits again once it slides on", () => {
    const sim = new Simulator(parseSimulation("rate-limit:2/10s"));
    expect([status(() => sim.admit(0)), status(() => sim.admit(1_000)), status(() => sim.admit(2_000))]).toEqual([
      null,
      null,
      429,
    ]);
    expect(status(() => sim.admit(9_999))).toBe(429);
    // The first call left the window at 10 s; refusals are not counted as calls.
    expect(status(() => sim.admit(10_001))).toBeNull();
    expect(status(() => sim.admit(10_500))).toBe(429);
    expect(status(() => sim.admit(11_001))).toBeNull();
  });

  it("fails the next calls once each, then stops", () => {
    const sim = new Simulator(parseSimulation("fail-next:413x2"));
    expect([0, 1, 2].map((t) => status(() => sim.admit(t)))).toEqual([413, 413, null]);
    expect(sim.settings.failNext).toBeNull();
  });

  it("caps bodies at the simulated size and at Postmark's own limit", () => {
    const sim = new Simulator(parseSimulation("max-body:1kb"));
    expect(status(() => sim.checkSize(1024, null))).toBeNull();
    expect(status(() => sim.checkSize(1025, null))).toBe(413);
    const plain = new Simulator();
    expect(status(() => plain.checkSize(10 * 1024 * 1024 + 1, 10 * 1024 * 1024))).toBe(413);
    expect(status(() => plain.checkSize(10 * 1024 * 1024 + 1, null))).toBeNull();
  });
});
