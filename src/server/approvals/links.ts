import crypto from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../clock";
import { ApiFailure } from "../errors";
import type { CountersRepo } from "../store/counters-repo";
import type { Database } from "../store/schema";
import type { ApprovalRow } from "./approvals-repo";

/** Links live at most this long, and never longer than the item they approve. */
export const LINK_MAX_MS = 24 * 3_600_000;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
/** The hash of the request exactly as stored (and shown); an edit changes it. */
export const requestHash = (request: string) => sha256(request);

export interface LinkRow {
  id: number;
  approval_id: number;
  request_hash: string;
  user_id: number | null;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

const gone = (message: string) => new ApiFailure(410, "gone", message);
const unknown = () =>
  new ApiFailure(
    404,
    "not_found",
    "This approval link is not valid. Open the item from Mailroom's Approvals page instead.",
  );

/**
 * Signed approval links. A token is a random id plus its HMAC (key derived from MAILROOM_SECRET
 * or the key file), so a tampered token is refused before any lookup; only its SHA-256 is stored.
 * A link is single-use, expires, and is bound to the item and the hash of its request as shown.
 */
export function createApprovalLinks(deps: { db: Kysely<Database>; clock: Clock; key: Buffer; publicUrl: string }) {
  const { db } = deps;
  const iso = (ms = deps.clock()) => new Date(ms).toISOString();
  const mac = (id: string) =>
    crypto
      .createHmac("sha256", deps.key)
      .update(`approval-link:v1:${id}`)
      .digest()
      .subarray(0, 16)
      .toString("base64url");

  /** Throws 404 unless the token is well formed and carries a valid signature. */
  function checkSignature(token: string) {
    if (!TOKEN_FORMAT.test(token)) throw unknown();
    const [id, sig] = token.split(".") as [string, string];
    const expected = Buffer.from(mac(id));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw unknown();
  }

  async function create(
    item: Pick<ApprovalRow, "id" | "status" | "expires_at" | "request">,
    by: { createdBy: string; userId: number | null },
  ) {
    const now = deps.clock();
    if (item.status !== "pending" || item.expires_at <= iso(now))
      throw new ApiFailure(409, "conflict", "Only a pending item can have an approval link.");
    const id = crypto.randomBytes(16).toString("base64url");
    const token = `${id}.${mac(id)}`;
    const expiresAt = new Date(Math.min(Date.parse(item.expires_at), now + LINK_MAX_MS)).toISOString();
    await db
      .insertInto("approval_links")
      .values({
        token_hash: sha256(token),
        approval_id: item.id,
        request_hash: requestHash(item.request),
        user_id: by.userId,
        created_by: by.createdBy,
        created_at: iso(now),
        expires_at: expiresAt,
        used_at: null,
        used_by: null,
      })
      .execute();
    return { token, url: `${deps.publicUrl}/approve/${token}`, path: `/approve/${token}`, expiresAt };
  }

  /** The link of a token: 404 when unknown or tampered. */
  async function find(token: string, q: Kysely<Database> | Transaction<Database> = db): Promise<LinkRow> {
    checkSignature(token);
    const r = await q
      .selectFrom("approval_links")
      .select(["id", "approval_id", "request_hash", "user_id", "expires_at", "used_at", "used_by"])
      .where("token_hash", "=", sha256(token))
      .executeTakeFirst();
    if (!r) throw unknown();
    return {
      ...r,
      id: Number(r.id),
      approval_id: Number(r.approval_id),
      user_id: r.user_id === null ? null : Number(r.user_id),
    };
  }

  /** Refuses (410) a link that was used, has expired, or no longer matches its item. */
  function usable(link: LinkRow, item: Pick<ApprovalRow, "status" | "request" | "decided_by">, userId: number) {
    if (link.used_at !== null)
      throw gone("This approval link was already used. Each link works once; open the item from the Approvals page.");
    if (link.expires_at <= iso())
      throw gone("This approval link has expired. Open the item from the Approvals page if it is still pending.");
    if (item.status !== "pending")
      throw gone(
        `This item was already ${item.status}${item.decided_by ? ` by ${item.decided_by}` : ""}; the link no longer applies.`,
      );
    if (requestHash(item.request) !== link.request_hash)
      throw gone(
        "This item's request was changed after the link was made, so the link no longer applies. Review the item again.",
      );
    if (link.user_id !== null && link.user_id !== userId)
      throw new ApiFailure(403, "forbidden", "This approval link was made for another user.");
  }

  /** Inside the decision's transaction: marks the link used, once (a conditional update), or throws 410. */
  async function consume(
    trx: Transaction<Database>,
    token: string,
    item: ApprovalRow,
    user: { id: number; username: string },
  ) {
    const link = await find(token, trx);
    if (link.approval_id !== item.id) throw unknown();
    usable(link, item, user.id);
    const r = await trx
      .updateTable("approval_links")
      .set({ used_at: iso(), used_by: user.username })
      .where("id", "=", link.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw gone("This approval link was already used. Each link works once; open the item from the Approvals page.");
  }

  return { create, find, usable, consume };
}
export type ApprovalLinks = ReturnType<typeof createApprovalLinks>;

/**
 * Fixed-window counter per key (address, user): link checks are cheap to guess otherwise. Counted
 * in the database (rate_counters), so the limit holds across instances.
 */
export function createRateLimiter(
  clock: Clock,
  counters: Pick<CountersRepo, "hit">,
  opts = { limit: 20, windowMs: 5 * 60_000 },
) {
  return {
    /** Counts a hit; returns ms to wait when over the limit, else 0. */
    async hit(key: string): Promise<number> {
      const now = clock();
      const w = await counters.hit(`link:${key}`, now, opts.windowMs, "fixed");
      return w.count > opts.limit ? Math.max(1, w.windowStart + opts.windowMs - now) : 0;
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
