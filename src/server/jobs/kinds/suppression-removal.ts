import { suppressionRemovalParams } from "../../../contract/api/jobs";
import { describeFailure } from "../postmark-call";
import type { JobHandler } from "../runner";
import { mayWrite } from "./reactivation";

/** Postmark takes at most 50 addresses per suppression call. */
const PER_CALL = 50;

/** Removes suppressions from a stream, 50 addresses per call, with a result per address. */
export function suppressionRemovalHandler(): JobHandler {
  return {
    allowed: mayWrite,
    async run(ctx) {
      const p = suppressionRemovalParams.parse(ctx.params);
      const unique = [...new Map(p.addresses.map((a) => [a.toLowerCase(), a])).values()];
      await ctx.seedItems(
        unique.map((a, i) => ({
          seq: i + 1,
          item_key: a,
          status: "pending",
          verdict: null,
          detail: JSON.stringify({ stream: p.stream }),
        })),
      );
      for (;;) {
        const batch = await ctx.pendingItems(PER_CALL);
        if (!batch.length) break;
        const res = await ctx.call({
          operationId: "suppressions.delete",
          params: { streamId: p.stream },
          body: { Suppressions: batch.map((it) => ({ EmailAddress: it.item_key })) },
        });
        const results =
          res.status === 200
            ? ((res.body as { Suppressions?: { EmailAddress?: string; Status?: string; Message?: string | null }[] })
                ?.Suppressions ?? [])
            : [];
        for (const it of batch) {
          if (res.status !== 200) {
            const f = describeFailure(res);
            await ctx.finishItem(it, {
              status: "failed",
              detail: { stream: p.stream, error: f.message, errorCode: f.errorCode, httpStatus: f.status },
            });
            continue;
          }
          const r = results.find((x) => x.EmailAddress?.toLowerCase() === it.item_key.toLowerCase());
          const ok = r?.Status === "Deleted";
          await ctx.finishItem(it, {
            status: ok ? "succeeded" : "failed",
            verdict: r?.Status ?? null,
            detail: {
              stream: p.stream,
              ...(ok ? {} : { error: r?.Message ?? "Postmark gave no result for this address." }),
            },
          });
        }
      }
      return {};
    },
  };
}
