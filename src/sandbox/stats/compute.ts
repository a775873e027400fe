// Stats are computed from the very records the searches return, so the two always agree.
import { easternDay, parseEasternFilter } from "../util/time";
import { byBounced, byReceived, type ServerStore } from "../world/server-store";
import { timeRange } from "../world/sorted";
import type { Bounce, ClickEvent, OpenEvent, OutboundMessage } from "../world/types";

export interface StatsFilter {
  from?: number;
  to?: number;
  stream?: string;
  tag?: string;
}

export type DayCounts = Record<string, number>;

/** Iterates records of a time-sorted array in range, passing each one's Eastern day. */
function eachInRange<T extends { stream: string; tag: string }>(
  items: readonly T[],
  key: (t: T) => number,
  f: StatsFilter,
  keep: (t: T) => boolean,
  visit: (t: T, day: string) => void,
): void {
  const [start, end] = timeRange(items, key, f.from, f.to);
  let day = "";
  let dayEnd = -Infinity;
  const tag = f.tag?.toLowerCase();
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    if (f.stream !== undefined && item.stream !== f.stream) continue;
    if (tag !== undefined && item.tag.toLowerCase() !== tag) continue;
    if (!keep(item)) continue;
    const t = key(item);
    if (t > dayEnd) {
      day = easternDay(t);
      dayEnd = parseEasternFilter(day, true)!;
    }
    visit(item, day);
  }
}

/** Builds `{Days:[{Date, …keys}], …totals}` with only days and keys that have data. */
class DayTable {
  private days = new Map<string, DayCounts>();
  private totals: DayCounts = {};

  add(day: string, key: string, n = 1): void {
    if (n === 0) return;
    let row = this.days.get(day);
    if (!row) this.days.set(day, (row = {}));
    row[key] = (row[key] ?? 0) + n;
    this.totals[key] = (this.totals[key] ?? 0) + n;
  }

  result(defaults: string[]): Record<string, unknown> {
    const Days = [...this.days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([Date, counts]) => ({ Date, ...counts }));
    const totals: DayCounts = Object.fromEntries(defaults.map((k) => [k, 0]));
    return { Days, ...totals, ...this.totals };
  }
}

const sent = (m: OutboundMessage) => m.status !== "Queued";
const tracked = (m: OutboundMessage) => m.trackOpens || m.trackLinks !== "None";
const isSpam = (b: Bounce) => b.type === "SpamComplaint";

export function sendsStats(s: ServerStore, f: StatsFilter) {
  const t = new DayTable();
  eachInRange(s.messages, byReceived, f, sent, (m, d) => t.add(d, "Sent", m.recipients.length));
  return t.result(["Sent"]);
}

export function trackedStats(s: ServerStore, f: StatsFilter) {
  const t = new DayTable();
  eachInRange(
    s.messages,
    byReceived,
    f,
    (m) => sent(m) && tracked(m),
    (_m, d) => t.add(d, "Tracked"),
  );
  return t.result(["Tracked"]);
}

export function bounceStats(s: ServerStore, f: StatsFilter) {
  const t = new DayTable();
  eachInRange(
    s.bounces,
    byBounced,
    f,
    (b) => !isSpam(b),
    (b, d) => t.add(d, b.type),
  );
  return t.result([]);
}

export function spamStats(s: ServerStore, f: StatsFilter) {
  const t = new DayTable();
  eachInRange(s.bounces, byBounced, f, isSpam, (_b, d) => t.add(d, "SpamComplaint"));
  return t.result(["SpamComplaint"]);
}

export function openStats(s: ServerStore, f: StatsFilter) {
  const t = new DayTable();
  eachInRange(
    s.opens,
    byReceived,
    f,
    () => true,
    (o, d) => {
      t.add(d, "Opens");
      if (o.firstOpen) t.add(d, "Unique");
    },
  );
  return t.result(["Opens", "Unique"]);
}

/** Breakdowns count unique (first) opens and clicks, like the Unique figures. */
export function openBreakdown(s: ServerStore, f: StatsFilter, key: (o: OpenEvent) => string) {
  const t = new DayTable();
  eachInRange(
    s.opens,
    byReceived,
    f,
    (o) => o.firstOpen,
    (o, d) => t.add(d, key(o)),
  );
  return t.result([]);
}

export function clickStats(s: ServerStore, f: StatsFilter) {
  const t = new DayTable();
  eachInRange(
    s.clicks,
    byReceived,
    f,
    () => true,
    (c, d) => {
      t.add(d, "Clicks");
      if (c.firstClick) t.add(d, "Unique");
    },
  );
  return t.result(["Clicks", "Unique"]);
}

export function clickBreakdown(s: ServerStore, f: StatsFilter, key: (c: ClickEvent) => string) {
  const t = new DayTable();
  eachInRange(
    s.clicks,
    byReceived,
    f,
    (c) => c.firstClick,
    (c, d) => t.add(d, key(c)),
  );
  return t.result([]);
}

const rate = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100_000) / 1000);

export function overview(s: ServerStore, f: StatsFilter) {
  const o = {
    Sent: 0,
    Bounced: 0,
    SMTPApiErrors: 0,
    BounceRate: 0,
    SpamComplaints: 0,
    SpamComplaintsRate: 0,
    Opens: 0,
    UniqueOpens: 0,
    Tracked: 0,
    WithLinkTracking: 0,
    WithOpenTracking: 0,
    TotalTrackedLinksSent: 0,
    UniqueLinksClicked: 0,
    TotalClicks: 0,
    WithClientRecorded: 0,
    WithPlatformRecorded: 0,
    WithReadTimeRecorded: 0,
  };
  eachInRange(s.messages, byReceived, f, sent, (m) => {
    o.Sent += m.recipients.length;
    if (tracked(m)) o.Tracked++;
    if (m.trackOpens) o.WithOpenTracking++;
    if (m.trackLinks !== "None") {
      o.WithLinkTracking++;
      o.TotalTrackedLinksSent += m.links.length;
    }
  });
  eachInRange(
    s.bounces,
    byBounced,
    f,
    () => true,
    (b) => {
      if (b.type === "SpamComplaint") o.SpamComplaints++;
      else if (b.type === "SMTPApiError") o.SMTPApiErrors++;
      else o.Bounced++;
    },
  );
  eachInRange(
    s.opens,
    byReceived,
    f,
    () => true,
    (e) => {
      o.Opens++;
      if (!e.firstOpen) return;
      o.UniqueOpens++;
      if (e.client.Name !== "Unknown") o.WithClientRecorded++;
      if (e.platform !== "Unknown") o.WithPlatformRecorded++;
      if (e.readSeconds > 0) o.WithReadTimeRecorded++;
    },
  );
  eachInRange(
    s.clicks,
    byReceived,
    f,
    () => true,
    (c) => {
      o.TotalClicks++;
      if (c.firstClick) o.UniqueLinksClicked++;
    },
  );
  o.BounceRate = rate(o.Bounced, o.Sent);
  o.SpamComplaintsRate = rate(o.SpamComplaints, o.Sent);
  return o;
}
