import type { CreateDataRemovalRequest, DataRemovalRecord } from "../../contract/api/data-removals";
import type { Role } from "../../contract/api/auth";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Actor, Execute } from "../proxy/execute";
import type { UsersRepo } from "../store/users-repo";
import type { DataRemovalsRepo } from "./data-removals-repo";

/** Postmark documents Pending and Done; the others are treated as final too, so checks stop. */
const FINAL = new Set(["done", "completed", "failed", "cancelled", "canceled"]);
export const isFinalStatus = (status: string) => FINAL.has(status.toLowerCase());

/** Postmark's answer when it refused: passed to the browser as it came. */
export interface PostmarkRefusal {
  status: number;
  body: string;
}

function parse(body: string): { ID?: unknown; Status?: unknown; ErrorCode?: unknown; Message?: unknown } {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function refusalText(r: { status: number; body: string }): string {
  const b = parse(r.body);
  return typeof b.ErrorCode === "number" ? `ErrorCode ${b.ErrorCode}: ${String(b.Message ?? "")}` : `HTTP ${r.status}`;
}

export function createDataRemovalsService(deps: {
  repo: DataRemovalsRepo;
  users: Pick<UsersRepo, "byId">;
  execute: Execute;
  clock: Clock;
  logger: Logger;
}) {
  const now = () => new Date(deps.clock()).toISOString();

  /** One status check, as `actor`; the result (or why it failed) is recorded on the request. */
  async function check(record: DataRemovalRecord, actor: Actor): Promise<void> {
    try {
      const res = await deps.execute({
        operationId: "dataRemovals.get",
        params: { id: record.postmarkId },
        user: actor,
      });
      if (res.status >= 300) {
        await deps.repo.recordCheck(record.id, { now: now(), error: refusalText(res) });
        return;
      }
      const status = String(parse(res.body).Status ?? "Unknown");
      await deps.repo.recordCheck(record.id, { now: now(), status, completed: isFinalStatus(status) });
    } catch (e) {
      await deps.repo.recordCheck(record.id, { now: now(), error: e instanceof Error ? e.message : String(e) });
    }
  }

  return {
    list: () => deps.repo.list(),

    /** Asks Postmark for a removal; only a request Postmark accepted is kept. */
    async create(
      actor: Actor & { id: number },
      input: CreateDataRemovalRequest,
    ): Promise<{ record: DataRemovalRecord } | { refused: PostmarkRefusal }> {
      const res = await deps.execute({ operationId: "dataRemovals.create", body: input, user: actor });
      if (res.status >= 300) return { refused: { status: res.status, body: res.body } };
      const b = parse(res.body);
      const id = Number(b.ID);
      if (!Number.isSafeInteger(id) || id <= 0)
        return {
          refused: {
            status: 502,
            body: JSON.stringify({ ErrorCode: -1, Message: "Postmark accepted the request but returned no ID." }),
          },
        };
      const status = String(b.Status ?? "Pending");
      const record = await deps.repo.insert({
        postmarkId: id,
        requestedFor: input.RequestedFor,
        requestedBy: input.RequestedBy,
        createdById: actor.id,
        createdByName: actor.username,
        now: now(),
        status,
        completed: isFinalStatus(status),
      });
      deps.logger.info("data removal requested", { id: record.id, postmarkId: id, by: actor.username });
      return { record };
    },

    /** A person's "check now": with their own authority. */
    async checkNow(id: number, actor: Actor): Promise<DataRemovalRecord | undefined> {
      const record = await deps.repo.byId(id);
      if (!record) return undefined;
      await check(record, actor);
      return (await deps.repo.byId(id))!;
    },

    /**
     * The periodic pass: every open request not checked within `minAgeMs`, with the authority of
     * the person who made it (their role now). Returns how many were checked.
     */
    async checkOpen(at: number, opts: { minAgeMs: number; limit?: number }): Promise<number> {
      const due = (await deps.repo.open(opts.limit ?? 100)).filter(
        (r) => !r.statusCheckedAt || Date.parse(r.statusCheckedAt) <= at - opts.minAgeMs,
      );
      let checked = 0;
      for (const r of due) {
        const user = r.createdById === null ? undefined : await deps.users.byId(r.createdById);
        if (!user) {
          await deps.repo.recordCheck(r.id, {
            now: now(),
            error: "The person who made this request no longer has an account; an admin can check it now.",
          });
          continue;
        }
        await check(r, { id: Number(user.id), username: user.username, role: user.role as Role });
        checked++;
      }
      return checked;
    },
  };
}
export type DataRemovalsService = ReturnType<typeof createDataRemovalsService>;
