import {
  Activity,
  Ban,
  BellRing,
  LayoutDashboard,
  ChartLine,
  ClipboardCheck,
  Eraser,
  Globe,
  History,
  ListChecks,
  LayoutTemplate,
  MailWarning,
  Radio,
  ScrollText,
  Send,
  Server,
  Settings,
  ShieldBan,
  Signature,
  SquareTerminal,
  Waves,
  Webhook,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react";
import type { Role } from "@/contract/api/auth";
import type { AreaId } from "@/contract/postmark/operation";
import type { FileRouteTypes } from "@/web/routeTree.gen";

/** Any path the router knows: a nav entry pointing elsewhere fails type-checking. */
export type AppPath = FileRouteTypes["to"];

export const navGroups = ["Messages", "Sending setup", "Automation", "Console"] as const;
export type NavGroup = (typeof navGroups)[number];

export interface NavItem {
  id: string;
  title: string;
  to: AppPath;
  icon: LucideIcon;
  group: NavGroup;
  /** The catalog area whose operations belong to this page (for the explorer link). */
  area?: AreaId;
  summary: string;
  /** Only these roles see the entry (the server refuses the others anyway). */
  roles?: readonly Role[];
}

/** The one list of pages: the sidebar, the command palette and the placeholders all read it. */
export const navItems = [
  {
    id: "overview",
    title: "Overview",
    to: "/",
    icon: LayoutDashboard,
    group: "Messages",
    summary: "Health verdicts, firing alerts and what needs a person now.",
  },
  {
    id: "activity",
    title: "Activity",
    to: "/activity",
    icon: Activity,
    group: "Messages",
    area: "activity",
    summary: "Sent and received messages, opens and clicks.",
  },
  {
    id: "bounces",
    title: "Bounces",
    to: "/bounces",
    icon: MailWarning,
    group: "Messages",
    area: "bounces",
    summary: "Bounced messages, their SMTP dumps and reactivation.",
  },
  {
    id: "suppressions",
    title: "Suppressions",
    to: "/suppressions",
    icon: Ban,
    group: "Messages",
    area: "suppressions",
    summary: "Addresses a stream will not send to.",
  },
  {
    id: "send",
    title: "Send",
    to: "/send",
    icon: Send,
    group: "Messages",
    area: "send",
    summary: "Single, batch, templated and bulk sends.",
  },
  {
    id: "stats",
    title: "Stats",
    to: "/stats",
    icon: ChartLine,
    group: "Messages",
    area: "stats",
    summary: "Deliverability and engagement over time.",
  },
  {
    id: "streams",
    title: "Streams",
    to: "/streams",
    icon: Waves,
    group: "Sending setup",
    area: "streams",
    summary: "Transactional, broadcast and inbound message streams.",
  },
  {
    id: "templates",
    title: "Templates",
    to: "/templates",
    icon: LayoutTemplate,
    group: "Sending setup",
    area: "templates",
    summary: "Templates and layouts, validation and push between servers.",
  },
  {
    id: "domains",
    title: "Domains",
    to: "/domains",
    icon: Globe,
    group: "Sending setup",
    area: "domains",
    summary: "Sending domains and their DKIM, SPF and Return-Path records.",
  },
  {
    id: "senders",
    title: "Senders",
    to: "/senders",
    icon: Signature,
    group: "Sending setup",
    area: "senders",
    summary: "Sender signatures and their confirmation.",
  },
  {
    id: "servers",
    title: "Servers",
    to: "/servers",
    icon: Server,
    group: "Sending setup",
    area: "servers",
    summary: "Servers of the account and the current server's settings.",
  },
  {
    id: "webhooks",
    title: "Webhooks",
    to: "/webhooks",
    icon: Webhook,
    group: "Sending setup",
    area: "webhooks",
    summary: "Where Postmark posts each stream's events.",
  },
  {
    id: "inbound-rules",
    title: "Inbound rules",
    to: "/inbound-rules",
    icon: ShieldBan,
    group: "Sending setup",
    area: "inbound-rules",
    summary: "Addresses and domains whose inbound mail is blocked.",
  },
  {
    id: "data-removals",
    title: "Data removals",
    to: "/data-removals",
    icon: Eraser,
    group: "Sending setup",
    area: "data-removals",
    summary: "Requests to erase what Postmark holds about an address.",
  },
  {
    id: "feed",
    title: "Event feed",
    to: "/feed",
    icon: Radio,
    group: "Automation",
    summary: "Postmark's webhook events as they arrive.",
  },
  {
    id: "triggers",
    title: "Triggers",
    to: "/triggers",
    icon: Zap,
    group: "Automation",
    summary: "The 8 webhook triggers: what fires each, its fields, and a test event.",
  },
  {
    id: "workflows",
    title: "Workflows",
    to: "/workflows",
    icon: Workflow,
    group: "Automation",
    summary: "Turn an event into Postmark actions.",
  },
  {
    id: "runs",
    title: "Runs",
    to: "/runs",
    icon: History,
    group: "Automation",
    summary: "Every workflow run, its steps and their results.",
  },
  {
    id: "approvals",
    title: "Approvals",
    to: "/approvals",
    icon: ClipboardCheck,
    group: "Automation",
    summary: "Risky workflow actions waiting for a person.",
  },
  {
    id: "alerts",
    title: "Alerts",
    to: "/alerts",
    icon: BellRing,
    group: "Automation",
    summary: "Alert rules on rates and flows, their history and the verdict thresholds.",
  },
  {
    id: "operations",
    title: "Operations",
    to: "/operations",
    icon: SquareTerminal,
    group: "Console",
    summary: "Every Postmark operation, runnable through the proxy.",
  },
  {
    id: "jobs",
    title: "Jobs",
    to: "/jobs",
    icon: ListChecks,
    group: "Console",
    summary: "Bulk actions and exports the server works through, with progress.",
  },
  {
    id: "audit",
    title: "Audit",
    to: "/audit",
    icon: ScrollText,
    group: "Console",
    roles: ["admin"],
    summary: "Who did what, when: the hash-chained audit trail, filtered and exported.",
  },
  {
    id: "settings",
    title: "Settings",
    to: "/settings",
    icon: Settings,
    group: "Console",
    summary: "Users, the Postmark connection and webhook wiring.",
  },
] as const satisfies readonly NavItem[];

export type NavId = (typeof navItems)[number]["id"];

export function navItem(id: NavId): NavItem {
  return navItems.find((n) => n.id === id)!;
}

/** The entries a role sees. */
export function navFor(role: Role | undefined): readonly NavItem[] {
  return navItems.filter((n: NavItem) => !n.roles || (role !== undefined && n.roles.includes(role)));
}
