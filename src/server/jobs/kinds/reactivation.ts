import { roleAllows, type Role } from "../../../contract/api/auth";
import { reactivationParams, reactivationPlanParams, type ReactivationVerdict } from "../../../contract/api/jobs";
import { bounceGroupKey, bounceVerdict, type BounceLine } from "../../../contract/bounce-verdict";
import type { NewItem } from "../jobs-repo";
import { describeFailure, JobError } from "../postmark-call";
import type { JobHandler } from "../runner";
import { searchSources, walkSearch } from "../search-sources";

/** Writing to Postmark (reactivating, removing suppressions) needs operator or admin. */
export const mayWrite = (role: Role) => roleAllows[role].includes("write");

export type PlannedBounce = BounceLine;

export interface PlanLine {
  key: string;
  verdict: ReactivationVerdict;
  detail: {
    email: string | null;
    stream: string | null;
    bounceId: number | null;
    type: string | null;
    name: string | null;
    bouncedAt: string | null;
    bounces: number;
    reason: string;
  };
}

const reasons: Record<ReactivationVerdict, string> = {
  reactivatable: "Inactive, and Postmark allows reactivating it.",
  "spam-complaint": "The recipient marked mail as spam; Postmark does not allow reactivating the address.",
  "cannot-activate": "Postmark reports this bounce cannot be reactivated (CanActivate is false).",
  active: "The address is already active: nothing to do.",
  unknown: "Postmark does not know this bounce (it may be older than the retention period).",
};

/**
 * One line per address and stream: reactivatable when any of its inactive bounces can be
 * activated (the newest such is used), else why not. Pure, so the dry run is testable.
 */
export function planReactivation(bounces: PlannedBounce[], unknownIds: number[] = []): PlanLine[] {
  const groups = new Map<string, PlannedBounce[]>();
  for (const b of bounces) groups.set(bounceGroupKey(b), [...(groups.get(bounceGroupKey(b)) ?? []), b]);
  const lines: PlanLine[] = [];
  for (const list of groups.values()) {
    const { verdict, pick } = bounceVerdict(list);
    lines.push({
      key: pick.Email ?? `bounce ${pick.ID}`,
      verdict,
      detail: {
        email: pick.Email,
        stream: pick.MessageStream,
        bounceId: pick.ID,
        type: pick.Type,
        name: pick.Name,
        bouncedAt: pick.BouncedAt,
        bounces: list.length,
        reason: reasons[verdict],
      },
    });
  }
  for (const id of unknownIds)
    lines.push({
      key: `bounce ${id}`,
      verdict: "unknown",
      detail: {
        email: null,
        stream: null,
        bounceId: id,
        type: null,
        name: null,
        bouncedAt: null,
        bounces: 0,
        reason: reasons.unknown,
      },
    });
  const order: ReactivationVerdict[] = ["reactivatable", "spam-complaint", "cannot-activate", "active", "unknown"];
  return lines.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.key.localeCompare(b.key));
}

const toBounce = (r: Record<string, unknown>): PlannedBounce => ({
  ID: Number(r.ID),
  Email: typeof r.Email === "string" ? r.Email : null,
  Type: typeof r.Type === "string" ? r.Type : null,
  Name: typeof r.Name === "string" ? r.Name : null,
  MessageStream: typeof r.MessageStream === "string" ? r.MessageStream : null,
  BouncedAt: typeof r.BouncedAt === "string" ? r.BouncedAt : null,
  Inactive: r.Inactive === true,
  CanActivate: r.CanActivate === true,
});

/** The dry run: reads the selected bounces and says, per address, whether it can be reactivated and why. Reads only. */
export function reactivationPlanHandler(clock: () => number): JobHandler {
  return {
    allowed: mayWrite,
    async run(ctx) {
      const p = reactivationPlanParams.parse(ctx.params);
      const bounces: PlannedBounce[] = [];
      const unknown: number[] = [];
      if (p.selection.by === "ids") {
        await ctx.progress({ total: p.selection.bounceIds.length, processed: 0 });
        for (const [i, id] of p.selection.bounceIds.entries()) {
          const res = await ctx.call({ operationId: "bounces.get", params: { bounceid: id } });
          if (res.status === 200) bounces.push(toBounce(res.body as Record<string, unknown>));
          else if (res.status === 404 || describeFailure(res).errorCode === 1001) unknown.push(id);
          else {
            const f = describeFailure(res);
            throw new JobError(
              `Postmark answered ${f.status}${f.errorCode === null ? "" : ` (ErrorCode ${f.errorCode})`} for bounce ${id}: ${f.message}`,
            );
          }
          await ctx.progress({ processed: i + 1 });
        }
      } else {
        await walkSearch(
          ctx,
          searchSources.bounces,
          p.selection.filter,
          async (rows) => {
            bounces.push(...rows.map(toBounce));
            await ctx.progress({ processed: bounces.length });
          },
          clock(),
        );
      }
      const lines = planReactivation(bounces, unknown);
      const rows: NewItem[] = lines.map((l, i) => ({
        seq: i + 1,
        item_key: l.key,
        status: "succeeded",
        verdict: l.verdict,
        detail: JSON.stringify(l.detail),
      }));
      await ctx.replaceItems(rows);
      const count = (v: ReactivationVerdict) => lines.filter((l) => l.verdict === v).length;
      await ctx.progress({
        total: bounces.length + unknown.length,
        processed: bounces.length + unknown.length,
        succeeded: lines.length,
        failed: 0,
        skipped: 0,
      });
      return {
        bounces: bounces.length,
        addresses: lines.length,
        reactivatable: count("reactivatable"),
        spamComplaint: count("spam-complaint"),
        cannotActivate: count("cannot-activate"),
        active: count("active"),
        unknown: count("unknown"),
      };
    },
  };
}

/** The run: reactivates the dry run's reactivatable addresses one at a time, each result kept. */
export function reactivationHandler(): JobHandler {
  return {
    allowed: mayWrite,
    async run(ctx) {
      reactivationParams.parse(ctx.params);
      for (;;) {
        const batch = await ctx.pendingItems(50);
        if (!batch.length) break;
        for (const it of batch) {
          const d = JSON.parse(it.detail ?? "{}") as { bounceId?: number };
          if (typeof d.bounceId !== "number") {
            await ctx.finishItem(it, {
              status: "failed",
              detail: { ...d, error: "The dry run holds no bounce id for this address." },
            });
            continue;
          }
          const res = await ctx.call({ operationId: "bounces.activate", params: { bounceid: d.bounceId } });
          if (res.status === 200) {
            const b = res.body as { Message?: unknown } | null;
            await ctx.finishItem(it, {
              status: "succeeded",
              detail: { ...d, message: typeof b?.Message === "string" ? b.Message : "Reactivated." },
            });
          } else {
            const f = describeFailure(res);
            await ctx.finishItem(it, {
              status: "failed",
              detail: { ...d, error: f.message, errorCode: f.errorCode, httpStatus: f.status },
            });
          }
        }
      }
      return {};
    },
  };
}
