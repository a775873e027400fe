import fs from "node:fs";
import path from "node:path";
import { exportParams } from "../../../contract/api/jobs";
import { csvRow } from "../../../contract/csv";
import { describeFailure, JobError } from "../postmark-call";
import type { JobHandler } from "../runner";
import { searchSources, walkSearch } from "../search-sources";

/** Where export files live: DATA_DIR/exports/job-<id>.csv. */
export const exportFile = (dataDir: string, jobId: number) => path.join(dataDir, "exports", `job-${jobId}.csv`);

const suppressionColumns = ["EmailAddress", "SuppressionReason", "Origin", "CreatedAt", "MessageStream"];

/**
 * Writes a whole search result as CSV (cells neutralised against formulas). Reads only, so a
 * resumed export starts its file again; the walker de-duplicates rows at window edges.
 */
export function exportHandler(clock: () => number): JobHandler {
  return {
    allowed: () => true,
    async run(ctx) {
      const p = exportParams.parse(ctx.params);
      const file = exportFile(ctx.dataDir, ctx.job.id);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.part`;
      const out = fs.openSync(tmp, "w");
      let rows = 0;
      const write = (line: string) => fs.writeSync(out, line);
      try {
        if (p.source === "suppressions") {
          const { stream = "outbound", emailContains, ...query } = p.filter;
          write(csvRow(suppressionColumns));
          const res = await ctx.call({ operationId: "suppressions.dump", params: { streamId: stream }, query });
          if (res.status !== 200) {
            const f = describeFailure(res);
            throw new JobError(`Postmark answered ${f.status}${f.errorCode === null ? "" : ` (ErrorCode ${f.errorCode})`}: ${f.message}`);
          }
          // Postmark's EmailAddress filter is exact; the page's partial filter is applied here.
          const needle = emailContains?.trim().toLowerCase();
          const list = ((res.body as { Suppressions?: Record<string, unknown>[] })?.Suppressions ?? []).filter((s) => !needle || String(s.EmailAddress ?? "").toLowerCase().includes(needle));
          for (const s of list) write(csvRow([s.EmailAddress as string, s.SuppressionReason as string, s.Origin as string, s.CreatedAt as string, stream]));
          rows = list.length;
          await ctx.progress({ total: rows, processed: rows, succeeded: rows });
          fs.closeSync(out);
          fs.renameSync(tmp, file);
          return { rows, expected: rows, file: path.basename(file), columns: suppressionColumns.length };
        }
        const source = searchSources[p.source];
        write(csvRow(source.columns));
        const stats = await walkSearch(ctx, source, p.filter, async (batch) => {
          for (const r of batch) write(csvRow(source.cells(r)));
          rows += batch.length;
          await ctx.progress({ processed: rows, succeeded: rows });
        }, clock());
        await ctx.progress({ total: rows, processed: rows, succeeded: rows });
        fs.closeSync(out);
        fs.renameSync(tmp, file);
        return { rows, expected: stats.expected, duplicates: stats.duplicates, windows: stats.windows, requests: stats.requests, file: path.basename(file) };
      } catch (e) {
        try {
          fs.closeSync(out);
        } catch {
          // already closed
        }
        fs.rmSync(tmp, { force: true });
        throw e;
      }
    },
  };
}
