// One line per figure a bench wants in `npm run bench`'s closing table. The runner (bench/run.mjs)
// collects these lines from each bench's output and prints them together at the end, each figure
// beside its target, so a person sees at a glance what holds. A bench run on its own prints the
// line too, which is harmless and greppable.
export interface Figure {
  /** the bench's name as `npm run bench -- <name>` knows it */
  bench: string;
  /** what was measured, e.g. "intake, one SQLite instance" */
  what: string;
  /** the figure as a person reads it, e.g. "5,210/s, 0 errors" */
  figure: string;
  /** the goal as written in bench/README.md, e.g. "≥ 5,000/s" */
  target: string;
  /** whether the figure meets the target; null when there is no numeric target */
  met: boolean | null;
}

export const SUMMARY_PREFIX = "BENCH-FIGURE ";

export function reportFigure(figure: Figure): void {
  console.log(SUMMARY_PREFIX + JSON.stringify(figure));
}

/** Thousands separators for figures ("5,210"). */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
