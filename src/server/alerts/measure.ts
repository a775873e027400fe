import type { HealthVerdictsResponse, ScopedVerdicts, VolumeVerdicts } from "../../contract/api/alerts";
import type { AlertRuleInput, Measurement } from "../../contract/health/alert-rules";
import { judge, worseLevel, worstFirst, type HealthThresholds } from "../../contract/health/verdicts";
import { postmarkDateTime, windowRange } from "../../contract/health/window";
import type { OperationId } from "../../contract/postmark/index";
import { ApiFailure } from "../errors";
import type { Actor, Execute } from "../proxy/execute";
import type { Store } from "../store/index";

/** Who reads Postmark for the checker: reads only, and named in the audit trail. */
export const checkerActor: Actor = { username: "alert-checker", role: "viewer" };

export interface MeasureDeps {
  execute: Execute;
  store: Store;
}

interface Scope {
  serverId: number | null;
  stream?: string;
  tag?: string;
}

/** One Postmark read through execute(); a non-2xx answer becomes an error with Postmark's message. */
async function read<T>(
  d: MeasureDeps,
  user: Actor,
  operationId: OperationId,
  serverId: number | null,
  query: Record<string, string>,
  params?: Record<string, string>,
): Promise<T> {
  const res = await d.execute({ user, operationId, serverId, query, params });
  if (res.status >= 400) {
    let message = `HTTP ${res.status}`;
    try {
      const b = JSON.parse(res.body) as { ErrorCode?: number; Message?: string };
      if (b.Message) message = `Postmark error ${b.ErrorCode ?? "?"}: ${b.Message}`;
    } catch {
      /* not JSON */
    }
    throw new ApiFailure(502, "unavailable", message);
  }
  return JSON.parse(res.body) as T;
}

function statsQuery(range: { fromdate: string; todate: string }, s: Scope): Record<string, string> {
  const q: Record<string, string> = { ...range };
  if (s.stream) q.messagestream = s.stream;
  if (s.tag) q.tag = s.tag;
  return q;
}

interface OverviewCounts {
  Sent: number;
  Bounced: number;
  SpamComplaints: number;
}

export async function volume(
  d: MeasureDeps,
  user: Actor,
  s: Scope,
  range: { fromdate: string; todate: string },
  t: HealthThresholds,
): Promise<VolumeVerdicts> {
  const o = await read<OverviewCounts>(d, user, "stats.overview", s.serverId, statsQuery(range, s));
  const sent = Number(o.Sent) || 0;
  return {
    sent,
    bounce: judge("bounce", { part: Number(o.Bounced) || 0, sent }, t),
    spam: judge("spam", { part: Number(o.SpamComplaints) || 0, sent }, t),
  };
}

/** Tags seen in stored events of a server since `sinceIso`, most frequent first. */
export async function tagsSeen(store: Store, serverId: number | null, sinceIso: string | null, limit: number) {
  let q = store.db
    .selectFrom("events")
    .select((eb) => ["tag", eb.fn.countAll<number>().as("n")])
    .where("tag", "is not", null)
    .groupBy("tag");
  if (serverId !== null) q = q.where("server_id", "=", serverId);
  if (sinceIso) q = q.where("received_at", ">=", sinceIso);
  const rows = await q.orderBy("n", "desc").orderBy("tag").limit(limit).execute();
  return rows.map((r) => ({ tag: r.tag!, events: Number(r.n) }));
}

/** Verdicts for a server: today, the period, each outbound stream, and the worst tags. */
export async function healthVerdicts(
  d: MeasureDeps,
  user: Actor,
  serverId: number | null,
  days: number,
  now: number,
  t: HealthThresholds,
): Promise<HealthVerdictsResponse> {
  const today = windowRange(now, 1);
  const period = windowRange(now, days);
  const scope = { serverId };
  const streamList = read<{ MessageStreams?: { ID?: string; Name?: string; MessageStreamType?: string }[] }>(
    d,
    user,
    "streams.list",
    serverId,
    { MessageStreamType: "All" },
  );
  const tags = tagsSeen(d.store, serverId, new Date(now - days * 86_400_000).toISOString(), 8);
  const [todayV, periodV, streams, tagRows] = await Promise.all([
    volume(d, user, scope, today, t),
    volume(d, user, scope, period, t),
    streamList,
    tags,
  ]);
  const outbound = (streams.MessageStreams ?? []).filter((x) => x.ID && x.MessageStreamType !== "Inbound");
  const [perStream, perTag] = await Promise.all([
    Promise.all(
      outbound.map(async (x): Promise<ScopedVerdicts> => ({
        name: x.ID!,
        ...(await volume(d, user, { serverId, stream: x.ID! }, period, t)),
      })),
    ),
    Promise.all(
      tagRows.map(async (x): Promise<ScopedVerdicts> => ({
        name: x.tag,
        ...(await volume(d, user, { serverId, tag: x.tag }, period, t)),
      })),
    ),
  ]);
  const byVerdict = (rows: ScopedVerdicts[]) =>
    worstFirst(
      rows.map((r) => ({
        r,
        verdict: worseLevel(r.bounce.level, r.spam.level) === r.bounce.level ? r.bounce : r.spam,
      })),
    ).map((x) => x.r);
  return {
    serverId,
    thresholds: t,
    today: { ...todayV, ...today },
    period: { ...periodV, ...period, days },
    streams: perStream,
    tags: byVerdict(perTag),
  };
}

/** Measures what a rule judges, at `now`. */
export async function measure(d: MeasureDeps, rule: AlertRuleInput, now: number): Promise<Measurement> {
  const s: Scope = { serverId: rule.scope.serverId, stream: rule.scope.stream, tag: rule.scope.tag };
  const range = windowRange(now, rule.windowDays);
  switch (rule.kind) {
    case "bounce-rate":
    case "spam-rate": {
      const o = await read<OverviewCounts>(d, checkerActor, "stats.overview", s.serverId, statsQuery(range, s));
      return {
        kind: rule.kind,
        part: Number(rule.kind === "bounce-rate" ? o.Bounced : o.SpamComplaints) || 0,
        sent: Number(o.Sent) || 0,
      };
    }
    case "bounce-type":
    case "smtp-api-errors": {
      const b = await read<Record<string, unknown>>(d, checkerActor, "stats.bounces", s.serverId, statsQuery(range, s));
      const key = rule.kind === "bounce-type" ? rule.bounceType : "SMTPApiError";
      return { kind: rule.kind, count: Number(b[key]) || 0 };
    }
    case "webhook-silence": {
      let q = d.store.db
        .selectFrom("events")
        .select((eb) => eb.fn.max("received_at").as("last"))
        .where("trigger", "=", rule.trigger)
        .where("server_id", "=", rule.scope.serverId)
        .where("test", "=", 0);
      if (s.stream) q = q.where("message_stream", "=", s.stream);
      if (s.tag) q = q.where("tag", "=", s.tag);
      const last = (await q.executeTakeFirst())?.last ?? null;
      const silentMinutes = last ? Math.max(0, (now - Date.parse(String(last))) / 60_000) : null;
      // Sends in the rule's minutes: if there were any, events of this trigger should have come.
      const query: Record<string, string> = {
        count: "1",
        offset: "0",
        fromdate: postmarkDateTime(now - rule.minutes * 60_000),
      };
      if (s.stream) query.messagestream = s.stream;
      if (s.tag) query.tag = s.tag;
      const sent = await read<{ TotalCount?: number }>(d, checkerActor, "messages.searchOutbound", s.serverId, query);
      return { kind: "webhook-silence", silentMinutes, sendsMeanwhile: Number(sent.TotalCount) || 0 };
    }
    case "approvals-waiting": {
      const cutoff = new Date(now - rule.minutes * 60_000).toISOString();
      const rows = await d.store.db
        .selectFrom("approvals")
        .innerJoin("workflow_runs", "workflow_runs.id", "approvals.run_id")
        .select(["approvals.created_at"])
        .where("approvals.status", "=", "pending")
        .where("workflow_runs.server_id", "=", rule.scope.serverId)
        .orderBy("approvals.created_at")
        .execute();
      const oldest = rows[0] ? (now - Date.parse(rows[0].created_at)) / 60_000 : null;
      return {
        kind: "approvals-waiting",
        oldestMinutes: oldest,
        overdue: rows.filter((r) => r.created_at <= cutoff).length,
      };
    }
  }
}
