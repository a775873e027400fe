import type { Kysely, Transaction } from "kysely";
import type { Role } from "../../contract/api/auth";
import {
  authorityProblems,
  lowerRole,
  stepRefusal,
  workflowDocument,
  type WorkflowDocument,
} from "../../contract/workflows/index";
import type { Actor } from "../proxy/execute";
import type { FixedSql } from "../store/fixed-sql";
import type { Database } from "../store/schema";

type Q = Kysely<Database> | Transaction<Database>;

/** Who a workflow version acts as: its author, with the lower of their role then and now. */
export type Authorship = { ok: true; actor: Actor & { id: number } } | { ok: false; reason: string };

interface AuthorRow {
  saved_by: number | null;
  saved_by_name: string | null;
  saved_by_role: string | null;
  user_id: number | null;
  username: string | null;
  role: string | null;
}

interface Deferred {
  resolve(row: AuthorRow | undefined): void;
  reject(e: unknown): void;
}

export interface EnabledWorkflow {
  workflowId: number;
  versionId: number;
  version: number;
}

/**
 * A workflow step calls Postmark with the authority of the person who saved its version, never as
 * a generic engine. This reads that authority from the store on every use, so a demoted or
 * removed author stops counting at once.
 */
export function createAuthority(db: Kysely<Database>, fixed: FixedSql) {
  // One statement: the version's author and that user's current role, read together on every use.
  const readAuthor = async (versionId: number, q: Q) =>
    (
      await fixed.run<AuthorRow>(
        q,
        `select v.saved_by, v.saved_by_name, v.saved_by_role, u.id as user_id, u.username, u.role
           from workflow_versions as v left join users as u on u.id = v.saved_by where v.id = ?`,
        [versionId],
      )
    ).rows[0];

  // Reads of one version asked for while one is on its way wait for the next read and share it; none
  // shares a read sent before it asked, so each answer is still the authority as it was when asked.
  const asking = new Map<number, { waiting: Deferred[]; sent: boolean }>();
  function sharedRead(versionId: number): Promise<AuthorRow | undefined> {
    let v = asking.get(versionId);
    if (!v) asking.set(versionId, (v = { waiting: [], sent: false }));
    const mine = new Promise<AuthorRow | undefined>((resolve, reject) => v.waiting.push({ resolve, reject }));
    if (!v.sent) send(versionId, v);
    return mine;
  }
  function send(versionId: number, v: { waiting: Deferred[]; sent: boolean }) {
    const group = v.waiting.splice(0);
    if (!group.length) {
      asking.delete(versionId);
      return;
    }
    v.sent = true;
    void readAuthor(versionId, db)
      .then(
        (row) => group.forEach((d) => d.resolve(row)),
        (e: unknown) => group.forEach((d) => d.reject(e)),
      )
      .finally(() => {
        v.sent = false;
        send(versionId, v);
      });
  }

  async function authorOf(versionId: number, q: Q = db): Promise<Authorship> {
    // Inside a caller's transaction the read is its own; outside, concurrent runs share one (see above).
    const v = q === db ? await sharedRead(versionId) : await readAuthor(versionId, q);
    if (!v) return { ok: false, reason: "its version is missing" };
    if (v.saved_by === null) return { ok: false, reason: "its version has no recorded author" };
    if (v.user_id === null || v.username === null || v.role === null)
      return { ok: false, reason: `its author ${v.saved_by_name ?? `#${v.saved_by}`} no longer exists` };
    const now = v.role as Role;
    const role = v.saved_by_role ? lowerRole(v.saved_by_role as Role, now) : now;
    return { ok: true, actor: { id: Number(v.user_id), username: v.username, role } };
  }

  /** Why this version may not run as its author any more ("its author … "), or null when it may. */
  async function refusal(versionId: number, doc: WorkflowDocument, q: Q = db): Promise<string | null> {
    const author = await authorOf(versionId, q);
    if (!author.ok) return `${author.reason}.`;
    const problems = authorityProblems(doc, author.actor.role);
    if (!problems.length) return null;
    return `its author ${author.actor.username} now acts as ${author.actor.role}: ${problems[0]!.message}`;
  }

  /** Disables a workflow whose version `version` is current and enabled, saying why. */
  async function disable(
    workflowId: number,
    version: number,
    reason: string,
    now: string,
    q: Q = db,
  ): Promise<boolean> {
    const r = await q
      .updateTable("workflows")
      .set({ enabled: 0, disabled_reason: reason, updated_at: now })
      .where("id", "=", workflowId)
      .where("current_version", "=", version)
      .where("enabled", "=", 1)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Keeps the enabled workflows whose authors still have the authority; disables the others. */
  async function screen(
    list: EnabledWorkflow[],
    docFor: (versionId: number) => Promise<WorkflowDocument>,
    now: string,
  ): Promise<EnabledWorkflow[]> {
    const out: EnabledWorkflow[] = [];
    for (const w of list) {
      const reason = await refusal(w.versionId, await docFor(w.versionId));
      if (reason === null) out.push(w);
      else await disable(w.workflowId, w.version, disabledReason(reason), now);
    }
    return out;
  }

  /** Checks every enabled workflow now (after a user's role changed or the user was removed); returns how many were disabled. */
  async function sweep(now: string): Promise<number> {
    const rows = await db
      .selectFrom("workflows as w")
      .innerJoin("workflow_versions as v", (j) =>
        j.onRef("v.workflow_id", "=", "w.id").onRef("v.version", "=", "w.current_version"),
      )
      .select(["w.id as workflowId", "v.id as versionId", "v.version as version", "v.document as document"])
      .where("w.enabled", "=", 1)
      .where("w.deleted_at", "is", null)
      .execute();
    const docs = new Map(rows.map((r) => [Number(r.versionId), r.document]));
    const list = rows.map((r) => ({
      workflowId: Number(r.workflowId),
      versionId: Number(r.versionId),
      version: Number(r.version),
    }));
    const kept = await screen(list, async (id) => workflowDocument.parse(JSON.parse(docs.get(id)!)), now);
    return list.length - kept.length;
  }

  return { authorOf, refusal, disable, screen, sweep };
}
export type WorkflowAuthority = ReturnType<typeof createAuthority>;

/**
 * Why `role` may not start a run of this document by hand (re-run, real test), or null: every step
 * that will run without waiting for approval must be one the requester could call directly.
 */
export function requesterRefusal(doc: WorkflowDocument, role: Role, autoApprove: boolean): string | null {
  for (const step of doc.steps) {
    if (step.kind !== "action" || (step.approval === "required" && !autoApprove)) continue;
    const refusal = stepRefusal(step, role, autoApprove);
    if (refusal) return `${refusal}, and it would run without approval at your request.`;
  }
  return null;
}

/** The reason a workflow shows when it was disabled for lack of its author's authority. */
export const disabledReason = (refusal: string) =>
  `Disabled because ${refusal} Someone whose role allows every step must save it again.`;
