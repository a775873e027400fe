/** Line-based diff (Myers' O(ND) algorithm) and a diff3-style three-way merge, written for the studio. */

export type DiffOp = { kind: "equal" | "insert" | "delete"; line: string };

export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  // A trailing newline ends the last line rather than starting an empty one.
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Index pairs (a, b) of lines that stay the same, in order: the longest common subsequence. */
export function commonLines(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  for (const [i, j] of myers(a.slice(start, endA), b.slice(start, endB))) pairs.push([i + start, j + start]);
  for (let k = 0; endA + k < a.length; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

function myers(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d] is the frontier before round d: what round d chose from.
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  // Walk back through the frontiers; each diagonal step is a line both keep.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (vd[offset + k - 1] as number) < (vd[offset + k + 1] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x > 0 && y > 0) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/** The edit script from `a` to `b`. */
export function diffLines(a: string, b: string): DiffOp[] {
  const la = splitLines(a);
  const lb = splitLines(b);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...commonLines(la, lb), [la.length, lb.length] as [number, number]]) {
    while (i < pi) ops.push({ kind: "delete", line: la[i++] as string });
    while (j < pj) ops.push({ kind: "insert", line: lb[j++] as string });
    if (pi < la.length) ops.push({ kind: "equal", line: la[pi] as string });
    i = pi + 1;
    j = pj + 1;
  }
  return ops;
}

export function diffStats(ops: readonly DiffOp[]): { added: number; removed: number } {
  return {
    added: ops.filter((o) => o.kind === "insert").length,
    removed: ops.filter((o) => o.kind === "delete").length,
  };
}

export type MergeChunk =
  { kind: "ok"; lines: string[] } | { kind: "conflict"; base: string[]; mine: string[]; theirs: string[] };

function sameLines(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((l, i) => l === y[i]);
}

/**
 * diff3: lines both sides left alone are stable; between them, a change on one side wins, the same
 * change on both sides is taken once, and different changes are a conflict.
 */
export function merge3(base: string, mine: string, theirs: string): MergeChunk[] {
  const o = splitLines(base);
  const a = splitLines(mine);
  const b = splitLines(theirs);
  const inA = new Map(commonLines(o, a));
  const inB = new Map(commonLines(o, b));
  const chunks: MergeChunk[] = [];
  const pushOk = (lines: string[]) => {
    if (lines.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last?.kind === "ok") last.lines.push(...lines);
    else chunks.push({ kind: "ok", lines: [...lines] });
  };
  let io = 0;
  let ia = 0;
  let ib = 0;
  for (;;) {
    let i = 0;
    while (io + i < o.length && inA.get(io + i) === ia + i && inB.get(io + i) === ib + i) i++;
    if (i > 0) {
      pushOk(o.slice(io, io + i));
      io += i;
      ia += i;
      ib += i;
      continue;
    }
    // The next base line both sides kept ends the unstable stretch.
    let k = io;
    while (k < o.length && !(inA.has(k) && inB.has(k))) k++;
    const endA = k < o.length ? (inA.get(k) as number) : a.length;
    const endB = k < o.length ? (inB.get(k) as number) : b.length;
    const co = o.slice(io, k);
    const ca = a.slice(ia, endA);
    const cb = b.slice(ib, endB);
    if (sameLines(ca, co)) pushOk(cb);
    else if (sameLines(cb, co) || sameLines(ca, cb)) pushOk(ca);
    else chunks.push({ kind: "conflict", base: co, mine: ca, theirs: cb });
    io = k;
    ia = endA;
    ib = endB;
    if (k >= o.length) break;
  }
  return chunks;
}

export type Resolution = "mine" | "theirs" | "both";

/** The merged text, given a choice per conflict (in order); null while a conflict is unresolved. */
export function resolveMerge(
  chunks: readonly MergeChunk[],
  choices: ReadonlyArray<Resolution | undefined>,
  trailingNewline: boolean,
): string | null {
  const out: string[] = [];
  let c = 0;
  for (const chunk of chunks) {
    if (chunk.kind === "ok") {
      out.push(...chunk.lines);
      continue;
    }
    const choice = choices[c++];
    if (!choice) return null;
    if (choice === "mine" || choice === "both") out.push(...chunk.mine);
    if (choice === "theirs" || choice === "both") out.push(...chunk.theirs);
  }
  return out.join("\n") + (trailingNewline && out.length > 0 ? "\n" : "");
}

export const conflictCount = (chunks: readonly MergeChunk[]) => chunks.filter((c) => c.kind === "conflict").length;
