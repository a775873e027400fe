import crypto from "node:crypto";
import { roleMay, type Role } from "../../contract/api/auth";
import type { NotificationKind, PushPayload } from "../../contract/api/notifications";
import { operations } from "../../contract/postmark/index";
import type { ApprovalLinks } from "../approvals/links";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store/index";
import { preferenceOf, roleMayReceive, createPreferencesRepo } from "./preferences";
import { EndpointRefused, checkPushEndpoint, type PushEndpointPolicy } from "./endpoint-guard";
import { sendPush } from "./send";
import { fetchTransport, guardedTransport } from "./transport";
import { createSubscriptionsRepo, type SubscriptionRow } from "./subscriptions-repo";
import type { Vapid } from "./vapid";
import { readStepRequest } from "../workflows/step-request";

export interface NotifierDeps {
  store: Store;
  vapid: Vapid;
  links: ApprovalLinks;
  clock: Clock;
  logger: Logger;
  subject: string;
  disabled: boolean;
  /** Test-only: a push service stand-in reached through this fetch (still endpoint-checked). */
  fetch?: typeof fetch;
  /** Test-only: accept http:// endpoints (real push services are https). */
  allowHttpEndpoints?: boolean;
  /** Test-only: origins of a local push service, accepted whatever their address. */
  allowEndpointOrigins?: readonly string[];
  /** Test-only: a fake DNS for the endpoint address checks. */
  lookup?: PushEndpointPolicy["lookup"];
  /** At most one "intake refusing credentials" alert per this long. */
  intakeAlertEveryMs?: number;
  /** At most one "run failed" alert per workflow per this long. */
  runFailedEveryMs?: number;
  timeoutMs?: number;
}

interface Recipient {
  id: number;
  username: string;
  role: Role;
}

const safeEndpoint = (endpoint: string) => {
  try {
    return new URL(endpoint).origin;
  } catch {
    return "invalid";
  }
};

/**
 * Sends Web Push notifications. Every entry point returns at once: the work runs in the
 * background and failures are logged, so the engine and the webhook intake never wait on it.
 */
export function createNotifier(d: NotifierDeps) {
  const subs = createSubscriptionsRepo(d.store.db);
  const prefs = createPreferencesRepo(d.store.db);
  const policy: PushEndpointPolicy = {
    allowOrigins: d.allowEndpointOrigins,
    allowHttp: d.allowHttpEndpoints,
    lookup: d.lookup,
  };
  const transport = d.fetch ? fetchTransport(d.fetch, policy) : guardedTransport(policy);
  const iso = () => new Date(d.clock()).toISOString();
  const pending = new Set<Promise<void>>();
  // Claimed in the database (rate_counters), so several instances send one notification, not one each.
  const once = (key: string, windowMs: number) => d.store.counters.once(`push:${key}`, d.clock(), windowMs);
  // A flood of refused webhooks is answered from memory; only the first in a window asks the database.
  let lastIntakeClaim = -Infinity;

  function background(what: string, work: () => Promise<void>) {
    if (d.disabled) return;
    const p = work()
      .catch((e: unknown) => d.logger.error(`push: ${what} failed`, { error: (e as Error)?.message }))
      .finally(() => pending.delete(p));
    pending.add(p);
  }

  /** Users of a role that may act on `kind`, who want it, with their subscriptions. */
  async function audience(kind: NotificationKind, exclude?: (u: Recipient) => boolean) {
    const users = (await d.store.users.list())
      .map((u) => ({ id: Number(u.id), username: u.username, role: u.role as Role }))
      .filter((u) => roleMayReceive[kind](u.role) && !exclude?.(u));
    const wanted: Recipient[] = [];
    for (const u of users) if ((await prefs.get(u.id, u.role))[preferenceOf[kind]]) wanted.push(u);
    const all = await subs.forUsers(wanted.map((u) => u.id));
    return wanted
      .map((u) => ({ user: u, subscriptions: all.filter((s) => s.userId === u.id) }))
      .filter((r) => r.subscriptions.length > 0);
  }

  async function deliver(
    sub: SubscriptionRow,
    payload: PushPayload,
    o: { ttlSeconds: number; urgency: "high" | "normal" | "low"; topic?: string },
  ) {
    try {
      const status = await sendPush(sub, payload, {
        vapid: await d.vapid.get(),
        subject: d.subject,
        transport,
        timeoutMs: d.timeoutMs ?? 10_000,
        ...o,
      });
      if (status === 404 || status === 410) {
        // The browser unsubscribed or the subscription expired: it will never work again.
        await subs.removeEndpoint(sub.endpoint);
        d.logger.info("push: removed a subscription the push service no longer knows", {
          endpoint: safeEndpoint(sub.endpoint),
          status,
        });
      } else if (status >= 400) {
        d.logger.warn("push: the push service refused a notification", {
          endpoint: safeEndpoint(sub.endpoint),
          status,
        });
      } else {
        await subs.touch(sub.id, iso());
      }
    } catch (e) {
      if (e instanceof EndpointRefused || (e as NodeJS.ErrnoException)?.code === "EPUSHREFUSED") {
        // Saved when it was public, now it is not (DNS rebinding, or a rule that tightened): never sent.
        d.logger.warn("push: refused a subscription endpoint that is not a public https address", {
          endpoint: safeEndpoint(sub.endpoint),
          error: (e as Error).message,
        });
        return;
      }
      d.logger.warn("push: could not reach the push service", {
        endpoint: safeEndpoint(sub.endpoint),
        error: (e as Error)?.message,
      });
    }
  }

  async function loadApproval(id: number) {
    // The hook may fire before the parking transaction commits (recovery parks inside one): retry briefly.
    for (let i = 0; i < 20; i++) {
      const row = await d.store.db
        .selectFrom("approvals")
        .innerJoin("workflows", "workflows.id", "approvals.workflow_id")
        .select([
          "approvals.id",
          "approvals.status",
          "approvals.expires_at",
          "approvals.request",
          "approvals.decided_by",
          "approvals.author_id",
          "approvals.allow_self_approval",
          "approvals.uncertain",
          "approvals.edited",
          "workflows.name as workflow_name",
        ])
        .where("approvals.id", "=", id)
        .executeTakeFirst();
      if (row) return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }

  return {
    /** A new (or newly edited) item in the approval queue: tell the users who may decide it (its author not, when self-approval is off; its editor not). */
    approvalCreated(approvalId: number) {
      background("approval notification", async () => {
        await new Promise((r) => setImmediate(r));
        const item = await loadApproval(approvalId);
        if (!item || item.status !== "pending") return;
        // Once per version of the item across instances: an edit is news again, a second instance is not.
        const version =
          item.edited === null ? "new" : crypto.createHash("sha256").update(item.edited).digest("hex").slice(0, 16);
        if (!(await once(`approval:${item.id}:${version}`, 86_400_000))) return;
        const request = readStepRequest(item.request);
        const op = operations[request.operationId];
        const ttlSeconds = Math.max(60, Math.min(86_400, Math.floor((Date.parse(item.expires_at) - d.clock()) / 1000)));
        const edit = item.edited === null ? null : (JSON.parse(item.edited) as { by: string; byId?: number });
        const blocked = (u: Recipient) =>
          (!Number(item.allow_self_approval) && item.author_id !== null && Number(item.author_id) === u.id) ||
          (edit !== null && (edit.byId ?? null) === u.id);
        for (const { user, subscriptions } of await audience(
          "approval",
          (u) => blocked(u) || !roleMay.decideApprovals(u.role),
        )) {
          // One link per recipient, bound to that user, so a forwarded notification is useless to others.
          const link = await d.links.create(
            { id: Number(item.id), status: item.status, expires_at: item.expires_at, request: item.request },
            { createdBy: "notifier", userId: user.id },
          );
          const payload: PushPayload = {
            kind: "approval",
            title: `${edit ? "Edited, approval needed" : Number(item.uncertain) ? "Check and approve" : "Approval needed"}: ${op?.title ?? `${request.method} ${request.path}`}`,
            body: edit
              ? `${edit.by} edited what ${item.workflow_name} wants to ${request.method} ${request.path}. Tap to review the changes.`
              : `${item.workflow_name} wants to ${request.method} ${request.path}. Tap to review.`,
            url: `/approvals/${item.id}`,
            tag: `approval-${item.id}`,
            approveUrl: link.path,
          };
          for (const sub of subscriptions) await deliver(sub, payload, { ttlSeconds, urgency: "high" });
        }
      });
    },

    /** A workflow run ended failed (test runs do not alert). */
    runFailed(runId: number) {
      background("run-failed notification", async () => {
        const run = await d.store.db
          .selectFrom("workflow_runs")
          .innerJoin("workflows", "workflows.id", "workflow_runs.workflow_id")
          .select([
            "workflow_runs.id",
            "workflow_runs.workflow_id",
            "workflow_runs.test",
            "workflow_runs.error",
            "workflows.name",
          ])
          .where("workflow_runs.id", "=", runId)
          .executeTakeFirst();
        if (!run || Number(run.test)) return;
        const wf = Number(run.workflow_id);
        if (!(await once(`run-failed:${wf}`, d.runFailedEveryMs ?? 60_000))) return;
        const payload: PushPayload = {
          kind: "run-failed",
          title: `Workflow run failed: ${run.name}`,
          body: (run.error ?? "A step failed.").slice(0, 200),
          url: `/runs/${run.id}`,
          tag: `run-failed-${wf}`,
        };
        for (const { subscriptions } of await audience("run-failed"))
          for (const sub of subscriptions) await deliver(sub, payload, { ttlSeconds: 6 * 3600, urgency: "normal" });
      });
    },

    /** The webhook intake refused a request for bad credentials: at most one alert per interval. */
    intakeRefused(address: string, reason: string) {
      const now = d.clock();
      if (d.disabled || now - lastIntakeClaim < (d.intakeAlertEveryMs ?? 10 * 60_000)) return;
      lastIntakeClaim = now;
      background("intake notification", async () => {
        if (!(await once("intake-refusing", d.intakeAlertEveryMs ?? 10 * 60_000))) return;
        const payload: PushPayload = {
          kind: "intake-refusing",
          title: "Webhook intake is refusing credentials",
          body: `A webhook call from ${address} was refused (${reason}). Postmark events may be lost; check Settings → Webhooks.`.slice(
            0,
            240,
          ),
          url: "/settings",
          tag: "intake-refusing",
        };
        for (const { subscriptions } of await audience("intake-refusing"))
          for (const sub of subscriptions)
            await deliver(sub, payload, { ttlSeconds: 3600, urgency: "normal", topic: "intake-refusing" });
      });
    },

    /** A health alert fired (or still fires, as a reminder) or resolved: tell those who want alerts. */
    alert(a: { id: number; ruleName: string; summary: string; status: "firing" | "resolved"; reminder?: boolean }) {
      background("alert notification", async () => {
        const payload: PushPayload = {
          kind: "alert",
          title: `${a.status === "resolved" ? "Resolved" : a.reminder ? "Still firing" : "Alert"}: ${a.ruleName}`.slice(
            0,
            120,
          ),
          body: a.summary.slice(0, 240),
          url: `/alerts?alert=${a.id}`,
          // One notification per alert on the device: the reminder and the resolution replace it.
          tag: `alert-${a.id}`,
          alertStatus: a.status,
        };
        for (const { subscriptions } of await audience("alert"))
          for (const sub of subscriptions)
            await deliver(sub, payload, { ttlSeconds: 6 * 3600, urgency: a.status === "firing" ? "high" : "normal" });
      });
    },

    /** Resolves when every notification started so far is done (tests, shutdown). */
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    /** Refuses (EndpointRefused) an endpoint Mailroom must not post to; the routes call it before saving. */
    checkEndpoint: (endpoint: string) => checkPushEndpoint(endpoint, policy),
    subscriptions: subs,
    preferences: prefs,
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
