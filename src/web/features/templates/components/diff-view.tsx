import { useMemo } from "react";
import { diffLines, diffStats } from "../lib/diff";

/** A unified line diff of two texts; unchanged stretches longer than `context` lines fold away. */
export function DiffView({
  before,
  after,
  label,
  context = 3,
}: {
  before: string;
  after: string;
  label: string;
  context?: number;
}) {
  const ops = useMemo(() => diffLines(before, after), [before, after]);
  const stats = diffStats(ops);
  if (stats.added === 0 && stats.removed === 0)
    return (
      <p className="text-xs text-muted-foreground" data-testid="diff-same">
        {label}: no change
      </p>
    );
  // Keep lines near a change; collapse the rest into a marker.
  const near = ops.map((_, i) => ops.slice(Math.max(0, i - context), i + context + 1).some((o) => o.kind !== "equal"));
  const rows: Array<{ kind: "equal" | "insert" | "delete" | "skip"; line: string; n: number }> = [];
  ops.forEach((o, i) => {
    if (near[i]) rows.push({ ...o, n: i });
    else if (rows[rows.length - 1]?.kind !== "skip") rows.push({ kind: "skip", line: "", n: i });
  });
  return (
    <figure
      className="min-w-0"
      data-testid="diff-view"
      aria-label={`${label}: ${stats.added} added, ${stats.removed} removed`}
    >
      <figcaption className="mb-1 flex items-center gap-2 text-xs font-medium">
        {label}
        <span className="text-emerald-700 dark:text-emerald-400">+{stats.added}</span>
        <span className="text-destructive">−{stats.removed}</span>
      </figcaption>
      <pre className="max-h-80 overflow-auto rounded-md border bg-muted/30 text-xs leading-5">
        {rows.map((r) =>
          r.kind === "skip" ? (
            <div key={`s${r.n}`} className="px-2 text-muted-foreground select-none">
              ⋯
            </div>
          ) : (
            <div
              key={r.n}
              data-kind={r.kind}
              className={
                r.kind === "insert"
                  ? "bg-emerald-500/15 px-2 whitespace-pre-wrap break-all"
                  : r.kind === "delete"
                    ? "bg-destructive/15 px-2 whitespace-pre-wrap break-all"
                    : "px-2 whitespace-pre-wrap break-all"
              }
            >
              <span className="mr-2 inline-block w-3 text-muted-foreground select-none" aria-hidden>
                {r.kind === "insert" ? "+" : r.kind === "delete" ? "−" : " "}
              </span>
              <span className="sr-only">
                {r.kind === "insert" ? "added: " : r.kind === "delete" ? "removed: " : ""}
              </span>
              {r.line || " "}
            </div>
          ),
        )}
      </pre>
    </figure>
  );
}
