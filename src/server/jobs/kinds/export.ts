import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { exportParams } from "../../../contract/api/jobs";
import { csvRow } from "../../../contract/csv";
import { describeFailure, JobError } from "../postmark-call";
import { willResume, type JobHandler } from "../runner";
import { searchSources, walkSearch, type WalkResume } from "../search-sources";

/** Where export files live: DATA_DIR/exports/job-<id>.csv. */
export const exportFile = (dataDir: string, jobId: number) => path.join(dataDir, "exports", `job-${jobId}.csv`);

const suppressionColumns = ["EmailAddress", "SuppressionReason", "Origin", "CreatedAt", "MessageStream"];

const count = z.number().int().nonnegative();
/** Saved after each date window read whole: the file's length then, and where the walk got. */
const resumeState = z.object({
  bytes: count,
  rows: count,
  done: z.array(z.object({ from: z.number(), to: z.number() })),
  stats: z.object({ rows: count, duplicates: count, windows: count, requests: count, expected: count }),
});

/**
 * Writes a whole search result as CSV (cells neutralised against formulas); the walker
 * de-duplicates rows at window edges. After each date window read whole the file is flushed and
 * its length saved, so a restarted export cuts off the half-read window and goes on from there.
 */
export function exportHandler(clock: () => number): JobHandler {
  return {
    allowed: () => true,
    async run(ctx) {
      const p = exportParams.parse(ctx.params);
      const file = exportFile(ctx.dataDir, ctx.job.id);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.part`;
      const saved = p.source === "suppressions" ? null : (resumeState.safeParse(ctx.resume).data ?? null);
      const resumable = saved !== null && fs.existsSync(tmp) && fs.statSync(tmp).size >= saved.bytes;
      // Rows of a window read halfway are cut off: that window is read again whole.
      if (resumable) fs.truncateSync(tmp, saved.bytes);
      const out = fs.openSync(tmp, resumable ? "a" : "w");
      let rows = resumable ? saved.rows : 0;
      const write = (line: string) => fs.writeSync(out, line);
      try {
        if (p.source === "suppressions") {
          const { stream = "outbound", emailContains, ...query } = p.filter;
          write(csvRow(suppressionColumns));
          const res = await ctx.call({ operationId: "suppressions.dump", params: { streamId: stream }, query });
          if (res.status !== 200) {
            const f = describeFailure(res);
            throw new JobError(
              `Postmark answered ${f.status}${f.errorCode === null ? "" : ` (ErrorCode ${f.errorCode})`}: ${f.message}`,
            );
          }
          // Postmark's EmailAddress filter is exact; the page's partial filter is applied here.
          const needle = emailContains?.trim().toLowerCase();
          const list = ((res.body as { Suppressions?: Record<string, unknown>[] })?.Suppressions ?? []).filter(
            (s) =>
              !needle ||
              String(s.EmailAddress ?? "")
                .toLowerCase()
                .includes(needle),
          );
          for (const s of list)
            write(
              csvRow([
                s.EmailAddress as string,
                s.SuppressionReason as string,
                s.Origin as string,
                s.CreatedAt as string,
                stream,
              ]),
            );
          rows = list.length;
          await ctx.progress({ total: rows, processed: rows, succeeded: rows });
          fs.closeSync(out);
          fs.renameSync(tmp, file);
          return { rows, expected: rows, file: path.basename(file), columns: suppressionColumns.length };
        }
        const source = searchSources[p.source];
        if (!resumable) write(csvRow(source.columns));
        const onWindowDone = async (at: WalkResume) => {
          fs.fsyncSync(out);
          await ctx.saveResume({ bytes: fs.fstatSync(out).size, rows, ...at });
        };
        const stats = await walkSearch(
          ctx,
          source,
          p.filter,
          async (batch) => {
            for (const r of batch) write(csvRow(source.cells(r)));
            rows += batch.length;
            await ctx.progress({ processed: rows, succeeded: rows });
          },
          clock(),
          { resume: resumable ? { done: saved.done, stats: saved.stats } : null, onWindowDone },
        );
        await ctx.progress({ total: rows, processed: rows, succeeded: rows });
        fs.closeSync(out);
        fs.renameSync(tmp, file);
        return {
          rows,
          expected: stats.expected,
          duplicates: stats.duplicates,
          windows: stats.windows,
          requests: stats.requests,
          resumed: resumable,
          file: path.basename(file),
        };
      } catch (e) {
        try {
          fs.closeSync(out);
        } catch {
          // already closed
        }
        // A restart goes on from the saved length of this file; an ended job leaves none behind.
        if (!willResume(e)) fs.rmSync(tmp, { force: true });
        throw e;
      }
    },
  };
}
