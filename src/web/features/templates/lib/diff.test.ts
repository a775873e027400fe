import { describe, expect, it } from "vitest";
import { commonLines, conflictCount, diffLines, diffStats, merge3, resolveMerge, splitLines } from "./diff";

/** Rebuilds both sides from an edit script: a diff that loses or invents a line fails here. */
function sides(ops: ReturnType<typeof diffLines>) {
  return {
    a: ops.filter((o) => o.kind !== "insert").map((o) => o.line),
    b: ops.filter((o) => o.kind !== "delete").map((o) => o.line),
  };
}

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  return dp[0]![0]!;
}

/** A fixed-seed generator (mulberry32): the same cases on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("diffLines", () => {
  it("marks inserted, deleted and kept lines", () => {
    const ops = diffLines("a\nb\nc\n", "a\nx\nc\nd\n");
    expect(ops).toEqual([
      { kind: "equal", line: "a" },
      { kind: "delete", line: "b" },
      { kind: "insert", line: "x" },
      { kind: "equal", line: "c" },
      { kind: "insert", line: "d" },
    ]);
    expect(diffStats(ops)).toEqual({ added: 2, removed: 1 });
  });

  it("handles empty sides", () => {
    expect(diffLines("", "")).toEqual([]);
    expect(diffLines("", "a\nb")).toEqual([
      { kind: "insert", line: "a" },
      { kind: "insert", line: "b" },
    ]);
    expect(diffLines("a", "")).toEqual([{ kind: "delete", line: "a" }]);
    expect(splitLines("a\n")).toEqual(["a"]);
  });

  it("finds a longest common subsequence and reproduces both texts on 300 generated cases", () => {
    const r = rng(12);
    for (let n = 0; n < 300; n++) {
      const alphabet = ["<p>", "{{name}}", "</p>", "x", "y", "{{#each items}}", "{{/each}}"];
      const gen = () =>
        Array.from({ length: Math.floor(r() * 14) }, () => alphabet[Math.floor(r() * alphabet.length)]!);
      const a = gen();
      const b = gen();
      const ops = diffLines(a.join("\n"), b.join("\n"));
      expect(sides(ops)).toEqual({ a, b });
      expect(ops.filter((o) => o.kind === "equal").length).toBe(lcsLength(a, b));
      const pairs = commonLines(a, b);
      for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
    }
  });
});

describe("merge3", () => {
  const base = "one\ntwo\nthree\nfour\nfive\n";

  it("takes a change made on one side only", () => {
    const chunks = merge3(base, "one\nTWO\nthree\nfour\nfive\n", "one\ntwo\nthree\nfour\nFIVE\n");
    expect(conflictCount(chunks)).toBe(0);
    expect(resolveMerge(chunks, [], true)).toBe("one\nTWO\nthree\nfour\nFIVE\n");
  });

  it("takes the same change on both sides once", () => {
    const same = "one\ntwo\n3\nfour\nfive\n";
    const chunks = merge3(base, same, same);
    expect(conflictCount(chunks)).toBe(0);
    expect(resolveMerge(chunks, [], true)).toBe(same);
  });

  it("reports different changes to the same lines as a conflict with base, mine and theirs", () => {
    const chunks = merge3(base, "one\ntwo\nmine\nfour\nfive\n", "one\ntwo\ntheirs\nfour\nfive\n");
    expect(chunks).toEqual([
      { kind: "ok", lines: ["one", "two"] },
      { kind: "conflict", base: ["three"], mine: ["mine"], theirs: ["theirs"] },
      { kind: "ok", lines: ["four", "five"] },
    ]);
    expect(resolveMerge(chunks, [undefined], true)).toBeNull();
    expect(resolveMerge(chunks, ["mine"], true)).toBe("one\ntwo\nmine\nfour\nfive\n");
    expect(resolveMerge(chunks, ["theirs"], false)).toBe("one\ntwo\ntheirs\nfour\nfive");
    expect(resolveMerge(chunks, ["both"], true)).toBe("one\ntwo\nmine\ntheirs\nfour\nfive\n");
  });

  it("merges insertions at both ends and a deletion", () => {
    const chunks = merge3(base, "zero\none\ntwo\nthree\nfour\nfive\n", "one\ntwo\nfour\nfive\nsix\n");
    expect(conflictCount(chunks)).toBe(0);
    expect(resolveMerge(chunks, [], true)).toBe("zero\none\ntwo\nfour\nfive\nsix\n");
  });

  it("conflicts when both sides insert different lines at the same place", () => {
    const chunks = merge3("a\nb\n", "a\nmine\nb\n", "a\ntheirs\nb\n");
    expect(conflictCount(chunks)).toBe(1);
    expect(chunks[1]).toEqual({ kind: "conflict", base: [], mine: ["mine"], theirs: ["theirs"] });
  });

  it("never loses a line: taking mine or theirs everywhere gives back that side when the other is the base", () => {
    const r = rng(99);
    for (let n = 0; n < 200; n++) {
      const gen = () =>
        Array.from({ length: Math.floor(r() * 10) }, () => ["a", "b", "c", "d"][Math.floor(r() * 4)]!).join("\n");
      const o = gen();
      const a = gen();
      expect(resolveMerge(merge3(o, a, o), [], false)).toBe(splitLines(a).join("\n"));
      expect(resolveMerge(merge3(o, o, a), [], false)).toBe(splitLines(a).join("\n"));
    }
  });
});
