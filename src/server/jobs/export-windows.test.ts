import { describe, expect, it } from "vitest";
import {
  ExportWindowError,
  formatPostmarkDate,
  parsePostmarkDate,
  POSTMARK_CEILING,
  remainingRanges,
  splitWindow,
  walkWindows,
  type Window,
} from "./export-windows";

interface Row {
  id: string;
  at: number;
}

/** A Postmark-like search over rows: newest first, refusing what Postmark refuses. */
function fakeSearch(rows: Row[], opts: { ignoreDates?: boolean } = {}) {
  const calls: { w: Window; offset: number; count: number }[] = [];
  const fetch = async (w: Window, offset: number, count: number) => {
    calls.push({ w, offset, count });
    if (count > 500 || count < 1) throw new Error(`count ${count} refused`);
    if (offset + count > POSTMARK_CEILING) throw new Error(`offset+count ${offset + count} refused`);
    const hit = rows
      .filter((r) => opts.ignoreDates || (r.at >= w.from && r.at <= w.to))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
    return { total: hit.length, rows: hit.slice(offset, offset + count) };
  };
  return { fetch, calls };
}

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const day = 86_400;
const range: Window = { from: parsePostmarkDate("2026-01-01", false)!, to: parsePostmarkDate("2026-02-14", true)! };

async function exportAll(rows: Row[], w = range, extra: Partial<Parameters<typeof walkWindows<Row>>[0]> = {}) {
  const search = fakeSearch(rows);
  const out: Row[] = [];
  const stats = await walkWindows<Row>({
    range: w,
    fetch: search.fetch,
    key: (r) => r.id,
    onRows: (r) => void out.push(...r),
    ...extra,
  });
  return { out, stats, calls: search.calls };
}

describe("export windows", () => {
  it("reads Postmark's date filters as inclusive seconds", () => {
    expect(formatPostmarkDate(parsePostmarkDate("2026-03-08", false)!)).toBe("2026-03-08T00:00:00");
    expect(formatPostmarkDate(parsePostmarkDate("2026-03-08", true)!)).toBe("2026-03-08T23:59:59");
    expect(formatPostmarkDate(parsePostmarkDate("2026-03-08T10:15", true)!)).toBe("2026-03-08T10:15:59");
    expect(parsePostmarkDate("yesterday", false)).toBeNull();
  });

  it("cuts a window into halves that meet without overlap", () => {
    const [a, b] = splitWindow({ from: 10, to: 21 })!;
    expect(a).toEqual({ from: 10, to: 15 });
    expect(b).toEqual({ from: 16, to: 21 });
    expect(splitWindow({ from: 5, to: 5 })).toBeNull();
  });

  it("exports 35,000 rows exactly once, every request under the ceiling", async () => {
    const r = rng(7);
    const rows: Row[] = Array.from({ length: 35_000 }, (_, i) => ({
      id: `m${i}`,
      at: range.from + Math.floor(r() * (range.to - range.from + 1)),
    }));
    const { out, stats, calls } = await exportAll(rows);
    expect(out).toHaveLength(35_000);
    expect(new Set(out.map((x) => x.id)).size).toBe(35_000);
    expect(stats).toMatchObject({ rows: 35_000, expected: 35_000, duplicates: 0 });
    expect(stats.windows).toBeGreaterThanOrEqual(4);
    for (const c of calls) expect(c.offset + c.count).toBeLessThanOrEqual(POSTMARK_CEILING);
  });

  it("keeps rows that sit exactly on a window edge, and bursts within one second", async () => {
    // 12,000 rows: half in the second just before the first cut, half in the second at it.
    const [older] = splitWindow(range)!;
    const rows: Row[] = [];
    for (let i = 0; i < 6000; i++) rows.push({ id: `a${i}`, at: older.to });
    for (let i = 0; i < 6000; i++) rows.push({ id: `b${i}`, at: older.to + 1 });
    rows.push({ id: "first", at: range.from }, { id: "last", at: range.to });
    const { out, stats } = await exportAll(rows);
    expect(out).toHaveLength(12_002);
    expect(new Set(out.map((x) => x.id)).size).toBe(12_002);
    expect(stats.expected).toBe(12_002);
  });

  it("drops rows shifted into the next page by mail arriving during the walk", async () => {
    const rows: Row[] = Array.from({ length: 3000 }, (_, i) => ({ id: `m${i}`, at: range.from + i * 60 }));
    const search = fakeSearch(rows);
    let added = 0;
    const out: Row[] = [];
    const stats = await walkWindows<Row>({
      range,
      fetch: async (w, offset, count) => {
        // New mail in the window between page requests pushes older rows one page further.
        if (offset > 0 && added < 5) rows.push({ id: `new${added++}`, at: range.to - added });
        return search.fetch(w, offset, count);
      },
      key: (r) => r.id,
      onRows: (r) => void out.push(...r),
    });
    expect(new Set(out.map((x) => x.id)).size).toBe(out.length);
    for (let i = 0; i < 3000; i++) expect(out.some((x) => x.id === `m${i}`)).toBe(true);
    expect(stats.duplicates).toBeGreaterThan(0);
  });

  it("fails clearly when one second holds more than the ceiling", async () => {
    const rows: Row[] = Array.from({ length: 10_001 }, (_, i) => ({ id: `m${i}`, at: range.from + 5 * day }));
    await expect(exportAll(rows)).rejects.toThrow(ExportWindowError);
  });

  it("notices a search that ignores the date filter instead of cutting forever", async () => {
    const rows: Row[] = Array.from({ length: 10_500 }, (_, i) => ({ id: `m${i}`, at: range.from + i }));
    const search = fakeSearch(rows, { ignoreDates: true });
    await expect(walkWindows<Row>({ range, fetch: search.fetch, key: (r) => r.id, onRows: () => {} })).rejects.toThrow(
      /ignores the date filter/,
    );
    expect(search.calls.length).toBe(3);
  });
});

describe("remainingRanges", () => {
  it("leaves out finished windows and returns the gaps newest first", () => {
    expect(remainingRanges({ from: 0, to: 100 }, [])).toEqual([{ from: 0, to: 100 }]);
    expect(
      remainingRanges({ from: 0, to: 100 }, [
        { from: 51, to: 100 },
        { from: 10, to: 20 },
      ]),
    ).toEqual([
      { from: 21, to: 50 },
      { from: 0, to: 9 },
    ]);
    expect(remainingRanges({ from: 0, to: 100 }, [{ from: 0, to: 100 }])).toEqual([]);
    // A range that grew (an open end moved on since the restart) keeps its new tail.
    expect(remainingRanges({ from: 0, to: 120 }, [{ from: 0, to: 100 }])).toEqual([{ from: 101, to: 120 }]);
  });

  it("a walk resumed from its finished windows reads every row once", async () => {
    const r = rng(7);
    const rows: Row[] = Array.from({ length: 23_000 }, (_, i) => ({
      id: `r${i}`,
      at: range.from + Math.floor(r() * (range.to - range.from)),
    }));
    const done: Window[] = [];
    const written: string[] = [];
    let pending: string[] = [];
    const { fetch } = fakeSearch(rows);
    // The first walk stops in its third window; rows of a half-read window are dropped, as the export cuts its file back.
    await expect(
      walkWindows<Row>({
        range,
        fetch,
        key: (x) => x.id,
        onRows: (b) => void pending.push(...b.map((x) => x.id)),
        onWindowDone: (w) => {
          done.push(w);
          written.push(...pending);
          pending = [];
          if (done.length === 2) throw new Error("restart");
        },
      }),
    ).rejects.toThrow("restart");
    for (const gap of remainingRanges(range, done)) {
      await walkWindows<Row>({
        range: gap,
        fetch,
        key: (x) => x.id,
        onRows: (b) => void written.push(...b.map((x) => x.id)),
      });
    }
    expect(written).toHaveLength(rows.length);
    expect(new Set(written).size).toBe(rows.length);
  });
});
