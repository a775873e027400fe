// Which queries each page starts when its link is hovered (intent preload) or followed (issue 17).
// Route files load with the app chunk every page needs, so they reach this module only through one dynamic import
// (lib/page-data), and each page's preload module (its query options, the catalog) loads on demand.
import type { QueryClient } from "@tanstack/react-query";
import type { ActivitySearch } from "./activity/activity-search";
import type { AlertsSearch } from "./alerts/alerts-search";
import type { ApprovalsSearch } from "./approvals/approvals-search";
import type { AuditSearch } from "./audit/audit-search";
import type { BouncesSearch } from "./bounces/bounces-search";
import type { DomainsSearch } from "./domains/domains-search";
import type { FeedSearch } from "./feed/feed-search";
import type { InboundRulesSearch } from "./inbound-rules/inbound-rules-search";
import type { OverviewSearch } from "./overview/overview-search";
import type { SendersSearch } from "./senders/senders-search";
import type { ServersSearch } from "./servers/servers-search";
import type { StatsSearch } from "./stats/stats-search";
import type { StreamsSearch } from "./streams/streams-search";
import type { SuppressionsSearch } from "./suppressions/suppressions-search";
import type { TemplatesSearch } from "./templates/templates-search";
import type { WebhooksSearch } from "./webhooks/webhooks-search";
import type { RunsSearch } from "./workflows/workflows-search";

/** Each page's search params as its route validates them (what its queries are keyed by). */
interface PageSearch {
  overview: OverviewSearch;
  activity: ActivitySearch;
  bounces: BouncesSearch;
  suppressions: SuppressionsSearch;
  send: unknown;
  stats: StatsSearch;
  streams: StreamsSearch;
  templates: TemplatesSearch;
  domains: DomainsSearch;
  senders: SendersSearch;
  servers: ServersSearch;
  webhooks: WebhooksSearch;
  "inbound-rules": InboundRulesSearch;
  feed: FeedSearch;
  triggers: unknown;
  workflows: unknown;
  runs: RunsSearch;
  approvals: ApprovalsSearch;
  alerts: AlertsSearch;
  jobs: unknown;
  audit: AuditSearch;
  settings: { tab: string };
}
export type PreloadPage = keyof PageSearch;
export type PreloadDeps<P extends PreloadPage> = PageSearch[P];
type Preloads = { [P in PreloadPage]: (qc: QueryClient, search: PageSearch[P]) => Promise<void> };

const preloads: Preloads = {
  overview: (qc, s) => import("./overview/overview-preload").then((m) => m.preload(qc, s)),
  activity: (qc, s) => import("./activity/activity-preload").then((m) => m.preload(qc, s)),
  bounces: (qc, s) => import("./bounces/bounces-preload").then((m) => m.preload(qc, s)),
  suppressions: (qc, s) => import("./suppressions/suppressions-preload").then((m) => m.preload(qc, s)),
  send: (qc) => import("./send/send-preload").then((m) => m.preload(qc)),
  stats: (qc, s) => import("./stats/stats-preload").then((m) => m.preload(qc, s)),
  streams: (qc, s) => import("./streams/streams-preload").then((m) => m.preload(qc, s)),
  templates: (qc, s) => import("./templates/templates-preload").then((m) => m.preload(qc, s)),
  domains: (qc, s) => import("./domains/domains-preload").then((m) => m.preload(qc, s)),
  senders: (qc, s) => import("./senders/senders-preload").then((m) => m.preload(qc, s)),
  servers: (qc, s) => import("./servers/servers-preload").then((m) => m.preload(qc, s)),
  webhooks: (qc, s) => import("./webhooks/webhooks-preload").then((m) => m.preload(qc, s)),
  "inbound-rules": (qc, s) => import("./inbound-rules/inbound-rules-preload").then((m) => m.preload(qc, s)),
  feed: (qc, s) => import("./feed/feed-preload").then((m) => m.preload(qc, s)),
  triggers: (qc) => import("./triggers/triggers-preload").then((m) => m.preload(qc)),
  workflows: (qc) => import("./workflows/workflows-preload").then((m) => m.preloadList(qc)),
  runs: (qc, s) => import("./workflows/workflows-preload").then((m) => m.preloadRuns(qc, s)),
  approvals: (qc, s) => import("./approvals/approvals-preload").then((m) => m.preload(qc, s)),
  alerts: (qc, s) => import("./alerts/alerts-preload").then((m) => m.preload(qc, s)),
  jobs: (qc) => import("./jobs/jobs-preload").then((m) => m.preload(qc)),
  audit: (qc, s) => import("./audit/audit-preload").then((m) => m.preload(qc, s)),
  settings: (qc, s) => import("./settings/settings-preload").then((m) => m.preload(qc, s)),
};

export function preloadPage<P extends PreloadPage>(page: P, qc: QueryClient, search: PageSearch[P]): Promise<void> {
  const preload: Preloads[P] = preloads[page];
  return preload(qc, search);
}
