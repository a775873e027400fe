// Pure shaping for the overview's tiles; the components only render what these return.

const MIN = 60_000;

/** "just now", "5 min ago", "3 h ago", "2 days ago"; "never" without a time. */
export function ago(iso: string | null, now: number): string {
  if (!iso) return "never";
  const ms = now - Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  if (ms < MIN) return "just now";
  if (ms < 60 * MIN) return `${Math.floor(ms / MIN)} min ago`;
  if (ms < 48 * 60 * MIN) return `${Math.floor(ms / (60 * MIN))} h ago`;
  return `${Math.floor(ms / (24 * 60 * MIN))} days ago`;
}

export type FlowState = "flowing" | "quiet" | "never";

export interface TriggerFlow {
  trigger: string;
  lastAt: string | null;
  last24h: number;
  state: FlowState;
}

/** Whether each trigger's events reach Mailroom: some in 24 h, some before, or never. */
export function triggerFlows(rows: readonly { trigger: string; lastAt: string | null; last24h: number }[]): {
  flows: TriggerFlow[];
  flowing: number;
  never: number;
} {
  const flows = rows.map((r) => ({
    ...r,
    state: (r.last24h > 0 ? "flowing" : r.lastAt ? "quiet" : "never") as FlowState,
  }));
  return {
    flows,
    flowing: flows.filter((f) => f.state === "flowing").length,
    never: flows.filter((f) => f.state === "never").length,
  };
}

/** Waiting time of the oldest approval, with a level once it passes an hour or its expiry nears. */
export function approvalAge(createdAt: string, expiresAt: string, now: number): { text: string; urgent: boolean } {
  const left = Date.parse(expiresAt) - now;
  return {
    text: ago(createdAt, now).replace(" ago", ""),
    urgent: now - Date.parse(createdAt) >= 60 * MIN || left < 60 * MIN,
  };
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US").format(Math.round(n));
}

/** The /bounces filters behind a verdict: its days, and its stream or tag; spam complaints are a bounce type. */
export function bouncesBehind(
  range: { fromdate: string; todate: string },
  scope: { stream?: string; tag?: string; type?: "SpamComplaint" } = {},
): { from: string; to: string; stream?: string; tag?: string; type?: "SpamComplaint" } {
  return {
    from: range.fromdate,
    to: range.todate,
    ...(scope.stream ? { stream: scope.stream } : {}),
    ...(scope.tag ? { tag: scope.tag } : {}),
    ...(scope.type ? { type: scope.type } : {}),
  };
}

/** `GET /api/events` for the latest-events tile: the selected server's newest few. */
export function latestEventsUrl(serverId: number | null, limit = 5): string {
  const p = new URLSearchParams({ limit: String(limit) });
  if (serverId !== null) p.set("server", String(serverId));
  return `/api/events?${p.toString()}`;
}
