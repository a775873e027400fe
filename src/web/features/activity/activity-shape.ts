import { metadataParam } from "@/contract/postmark/metadata-filter";
import type { QueryOf } from "@/contract/postmark";
import { dateBounds, pageWindow } from "@/web/lib/paging";
import {
  inboundStatuses,
  outboundStatuses,
  type ActivityFilters,
  type ActivitySearch,
  type ActivityTab,
} from "./activity-search";

export const ACTIVITY_PAGE_SIZE = 50;

/** Which filters each tab's Postmark search understands. */
export const tabFilters: Record<ActivityTab, (keyof ActivityFilters)[]> = {
  outbound: ["recipient", "sender", "tag", "status", "subject", "stream", "metaKey", "metaValue", "from", "to"],
  inbound: ["recipient", "sender", "tag", "status", "subject", "mailboxHash", "from", "to"],
  opens: ["recipient", "tag", "stream"],
  clicks: ["recipient", "tag", "stream"],
};

export function statusesFor(tab: ActivityTab): readonly string[] {
  return tab === "outbound" ? outboundStatuses : tab === "inbound" ? inboundStatuses : [];
}

/**
 * The filters of all four searches by Postmark's names; each tab's operation is sent only those it knows
 * (`tabFilters`), so one query shape serves them all. Metadata filters are named by their key.
 */
export type ActivityQuery = QueryOf<"messages.searchOutbound"> &
  QueryOf<"messages.searchInbound"> & { [metadata: `metadata_${string}`]: string | undefined };

/** The search query of the tab's operation, with only the filters it knows and paging inside Postmark's limits. */
export function activityInput(s: ActivitySearch, size = ACTIVITY_PAGE_SIZE): { query: ActivityQuery } {
  const tab = s.tab ?? "outbound";
  const allowed = new Set(tabFilters[tab]);
  const query: ActivityQuery = { ...pageWindow(s.page, size) };
  const set = (key: keyof ActivityFilters, name: keyof ActivityQuery & string) => {
    const v = s[key];
    if (v && allowed.has(key)) query[name] = v;
  };
  set("recipient", "recipient");
  set("sender", "fromemail");
  set("tag", "tag");
  set("subject", "subject");
  set("stream", "messagestream");
  set("mailboxHash", "mailboxhash");
  if (s.metaKey && s.metaValue && allowed.has("metaKey")) query[metadataParam(s.metaKey)] = s.metaValue;
  if (s.status && allowed.has("status") && statusesFor(tab).includes(s.status)) query.status = s.status;
  if (allowed.has("from")) Object.assign(query, dateBounds(s.from, s.to));
  return { query };
}

export function hasActivityFilters(s: ActivitySearch): boolean {
  const tab = s.tab ?? "outbound";
  return tabFilters[tab].some((k) => Boolean(s[k]));
}

export interface TimelineEvent {
  Recipient: string | null;
  Type: string | null;
  ReceivedAt: string | null;
  Details: Record<string, unknown>;
}

/** One line per event, oldest first, with the detail that matters for its type. */
export function timeline(events: TimelineEvent[]): {
  key: string;
  type: string;
  at: string | null;
  recipient: string | null;
  detail: string | null;
  tone: "good" | "bad" | "neutral";
}[] {
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return [...events]
    .sort((a, b) => Date.parse(a.ReceivedAt ?? "") - Date.parse(b.ReceivedAt ?? ""))
    .map((e, i) => {
      const d = e.Details ?? {};
      const type = e.Type ?? "Unknown";
      const detail =
        type === "LinkClicked"
          ? (str(d.Link) ?? str(d.Summary))
          : type === "Delivered" || type === "Transient"
            ? (str(d.DeliveryMessage) ?? str(d.DestinationServer))
            : type === "SubscriptionChanged"
              ? [
                  str(d.Origin),
                  d.SuppressSending === "True" || d.SuppressSending === true
                    ? "suppressed"
                    : d.SuppressSending
                      ? "reactivated"
                      : null,
                ]
                  .filter(Boolean)
                  .join(" · ") || null
              : str(d.Summary);
      const tone =
        type === "Bounced" || type === "Transient"
          ? "bad"
          : type === "Delivered" || type === "Opened" || type === "LinkClicked"
            ? "good"
            : "neutral";
      return { key: `${i}-${type}-${e.ReceivedAt}`, type, at: e.ReceivedAt, recipient: e.Recipient, detail, tone };
    });
}

/** "Chrome on macOS" from Postmark's client/OS records; unknown parts are left out. */
export function clientLabel(r: {
  Client?: { Name: string | null } | null;
  OS?: { Name: string | null } | null;
  Platform?: string | null;
}): string {
  const client = r.Client?.Name || null;
  const os = r.OS?.Name || null;
  const base = client && os ? `${client} on ${os}` : (client ?? os ?? "Unknown client");
  return r.Platform && r.Platform !== "Unknown" ? `${base} (${r.Platform})` : base;
}

export function placeLabel(
  geo: { City?: string | null; Region?: string | null; Country?: string | null } | null | undefined,
): string {
  if (!geo) return "—";
  return [geo.City, geo.Region, geo.Country].filter((p) => p).join(", ") || "—";
}

/** Inbound actions Postmark allows for a status: Blocked can be bypassed, Failed retried. */
export function inboundAction(status: string | null): "bypass" | "retry" | null {
  if (status === "Blocked") return "bypass";
  if (status === "Failed") return "retry";
  return null;
}

/** The tab's filter in Postmark's query names, without paging: what an export job walks. */
export function activityJobFilter(s: ActivitySearch): Record<string, string> {
  const { count: _c, offset: _o, ...rest } = activityInput(s).query as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
}
