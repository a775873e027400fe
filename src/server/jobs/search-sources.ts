import type { ExportSource } from "../../contract/api/jobs";
import type { OperationId } from "../../contract/postmark/index";
import {
  easternNowSeconds,
  ExportWindowError,
  formatPostmarkDate,
  parsePostmarkDate,
  remainingRanges,
  walkWindows,
  type WalkStats,
  type Window,
} from "./export-windows";
import { describeFailure, JobError } from "./postmark-call";
import type { JobContext } from "./runner";

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));
const addresses = (v: unknown) =>
  Array.isArray(v)
    ? v
        .map((a: { Email?: unknown; Name?: unknown }) => (a?.Name ? `${str(a.Name)} <${str(a.Email)}>` : str(a?.Email)))
        .join(", ")
    : str(v);
const nested = (v: unknown, k: string) => (v && typeof v === "object" ? str((v as Row)[k]) : "");

export interface SearchSource {
  operationId: OperationId;
  list: string;
  /** What makes a row unique, to drop rows seen twice at window edges. */
  key(r: Row): string;
  columns: readonly string[];
  cells(r: Row): (string | number | boolean | null)[];
}

const engagementColumns = [
  "ReceivedAt",
  "Recipient",
  "MessageID",
  "MessageStream",
  "Tag",
  "Client",
  "OS",
  "Platform",
  "Country",
  "City",
  "UserAgent",
] as const;
const engagementCells = (r: Row) => [
  str(r.ReceivedAt),
  str(r.Recipient),
  str(r.MessageID),
  str(r.MessageStream),
  str(r.Tag),
  nested(r.Client, "Name"),
  nested(r.OS, "Name"),
  str(r.Platform),
  nested(r.Geo, "Country"),
  nested(r.Geo, "City"),
  str(r.UserAgent),
];

/** Postmark's searches an export can walk, with the CSV columns of each. */
export const searchSources: Record<Exclude<ExportSource, "suppressions">, SearchSource> = {
  outbound: {
    operationId: "messages.searchOutbound",
    list: "Messages",
    key: (r) => str(r.MessageID),
    columns: [
      "MessageID",
      "ReceivedAt",
      "From",
      "To",
      "Cc",
      "Bcc",
      "Subject",
      "Tag",
      "Status",
      "MessageStream",
      "Metadata",
    ],
    cells: (r) => [
      str(r.MessageID),
      str(r.ReceivedAt),
      str(r.From),
      addresses(r.To),
      addresses(r.Cc),
      addresses(r.Bcc),
      str(r.Subject),
      str(r.Tag),
      str(r.Status),
      str(r.MessageStream),
      r.Metadata ? JSON.stringify(r.Metadata) : "",
    ],
  },
  inbound: {
    operationId: "messages.searchInbound",
    list: "InboundMessages",
    key: (r) => str(r.MessageID),
    columns: [
      "MessageID",
      "ReceivedAt",
      "From",
      "To",
      "Cc",
      "Subject",
      "MailboxHash",
      "Tag",
      "Status",
      "MessageStream",
    ],
    cells: (r) => [
      str(r.MessageID),
      str(r.ReceivedAt),
      str(r.From),
      str(r.To),
      str(r.Cc),
      str(r.Subject),
      str(r.MailboxHash),
      str(r.Tag),
      str(r.Status),
      str(r.MessageStream),
    ],
  },
  bounces: {
    operationId: "bounces.search",
    list: "Bounces",
    key: (r) => str(r.ID),
    columns: [
      "ID",
      "BouncedAt",
      "Email",
      "Type",
      "Name",
      "Inactive",
      "CanActivate",
      "Tag",
      "MessageID",
      "MessageStream",
      "Subject",
      "Description",
      "Details",
    ],
    cells: (r) => [
      str(r.ID),
      str(r.BouncedAt),
      str(r.Email),
      str(r.Type),
      str(r.Name),
      r.Inactive === true,
      r.CanActivate === true,
      str(r.Tag),
      str(r.MessageID),
      str(r.MessageStream),
      str(r.Subject),
      str(r.Description),
      str(r.Details),
    ],
  },
  opens: {
    operationId: "messages.searchOpens",
    list: "Opens",
    key: (r) => [r.MessageID, r.ReceivedAt, r.Recipient, r.UserAgent].map(str).join("|"),
    columns: [...engagementColumns, "FirstOpen"],
    cells: (r) => [...engagementCells(r), r.FirstOpen === true],
  },
  clicks: {
    operationId: "messages.searchClicks",
    list: "Clicks",
    key: (r) => [r.MessageID, r.ReceivedAt, r.Recipient, r.OriginalLink, r.UserAgent].map(str).join("|"),
    columns: [...engagementColumns, "OriginalLink", "ClickLocation"],
    cells: (r) => [...engagementCells(r), str(r.OriginalLink), str(r.ClickLocation)],
  },
};

/** How far back an export without a from-date looks (Postmark keeps 45 days by default, up to a year and more on request). */
const DEFAULT_LOOKBACK_DAYS = 400;

/** The filter's date range on the Eastern timeline; open ends reach back 400 days and forward to tomorrow. */
export function dateRange(filter: Record<string, string>, nowMs: number): Window {
  const now = easternNowSeconds(nowMs);
  const from = filter.fromdate ? parsePostmarkDate(filter.fromdate, false) : now - DEFAULT_LOOKBACK_DAYS * 86_400;
  const to = filter.todate ? parsePostmarkDate(filter.todate, true) : now + 86_400;
  if (from === null || to === null) throw new JobError("The date filter must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.");
  if (to < from) throw new JobError("The to-date is before the from-date.");
  return { from, to };
}

/** Where a resumed walk starts: the windows already read whole, and the figures so far. */
export interface WalkResume {
  done: Window[];
  stats: WalkStats;
}

/**
 * Walks a whole search result through date windows; Postmark errors end the job with their
 * ErrorCode and Message. With `resume`, windows read whole before a restart are not read again
 * (they are disjoint from the rest, so no row is read twice); `onWindowDone` says where it got.
 */
export async function walkSearch(
  ctx: JobContext,
  source: SearchSource,
  filter: Record<string, string>,
  onRows: (rows: Row[]) => Promise<void> | void,
  nowMs: number,
  opts: { resume?: WalkResume | null; onWindowDone?: (progress: WalkResume) => Promise<void> | void } = {},
): Promise<WalkStats> {
  const { fromdate: _f, todate: _t, count: _c, offset: _o, ...rest } = filter;
  const done = [...(opts.resume?.done ?? [])];
  const before: WalkStats = opts.resume?.stats ?? { rows: 0, duplicates: 0, windows: 0, requests: 0, expected: 0 };
  const total = { ...before };
  try {
    for (const range of remainingRanges(dateRange(filter, nowMs), done)) {
      const base = { ...total };
      const add = (s: WalkStats): WalkStats => ({
        rows: base.rows + s.rows,
        duplicates: base.duplicates + s.duplicates,
        windows: base.windows + s.windows,
        requests: base.requests + s.requests,
        expected: base.expected + s.expected,
      });
      const stats = await walkWindows<Row>({
        range,
        key: source.key,
        onRows,
        checkpoint: () => ctx.checkpoint(),
        onWindowDone: async (w, s) => {
          done.push(w);
          await opts.onWindowDone?.({ done: [...done], stats: add(s) });
        },
        fetch: async (w, offset, count) => {
          const res = await ctx.call({
            operationId: source.operationId,
            query: { ...rest, count, offset, fromdate: formatPostmarkDate(w.from), todate: formatPostmarkDate(w.to) },
          });
          if (res.status >= 400) {
            const f = describeFailure(res);
            throw new JobError(
              `Postmark answered ${f.status}${f.errorCode === null ? "" : ` (ErrorCode ${f.errorCode})`}: ${f.message}`,
            );
          }
          const body = (res.body ?? {}) as Row;
          const rows = Array.isArray(body[source.list]) ? (body[source.list] as Row[]) : [];
          return { total: typeof body.TotalCount === "number" ? body.TotalCount : rows.length, rows };
        },
      });
      Object.assign(total, add(stats));
    }
    return total;
  } catch (e) {
    if (e instanceof ExportWindowError) throw new JobError(e.message);
    throw e;
  }
}
