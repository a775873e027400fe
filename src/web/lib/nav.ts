import {
  Activity,
  Ban,
  ChartLine,
  ClipboardCheck,
  Eraser,
  Globe,
  History,
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
  /** What the page will offer once built; shown honestly on its placeholder. */
  plans: string[];
  /** True when the page is a real feature rather than a placeholder. */
  built?: boolean;
  /** Only these roles see the entry (the server refuses the others anyway). */
  roles?: readonly Role[];
}

/** The one list of pages: the sidebar, the command palette and the placeholders all read it. */
export const navItems = [
  {
    id: "activity", title: "Activity", to: "/activity", icon: Activity, group: "Messages", area: "activity", built: true,
    summary: "Sent and received messages, opens and clicks.",
    plans: ["Search outbound and inbound messages by recipient, tag, status and date", "A message's details and event history, with its HTML in a sandboxed preview", "Opens and clicks per message; bypass or retry blocked inbound mail"],
  },
  {
    id: "bounces", title: "Bounces", to: "/bounces", icon: MailWarning, group: "Messages", area: "bounces", built: true,
    summary: "Bounced messages, their SMTP dumps and reactivation.",
    plans: ["Bounces filtered by type, stream and date, with delivery stats", "The SMTP dump of a bounce", "Reactivate an address that can be reactivated"],
  },
  {
    id: "suppressions", title: "Suppressions", to: "/suppressions", icon: Ban, group: "Messages", area: "suppressions", built: true,
    summary: "Addresses a stream will not send to.",
    plans: ["Suppressed addresses per stream, with reason and origin", "Suppress or reactivate addresses in bulk"],
  },
  {
    id: "send", title: "Send", to: "/send", icon: Send, group: "Messages", area: "send", built: true,
    summary: "Single, batch, templated and bulk sends.",
    plans: ["Compose a message or send with a template and a model", "Batch and bulk sends with progress"],
  },
  {
    id: "stats", title: "Stats", to: "/stats", icon: ChartLine, group: "Messages", area: "stats", built: true,
    summary: "Deliverability and engagement over time.",
    plans: ["Sent, bounced, spam, opens and clicks over a date range", "Breakdowns by platform, client and tag"],
  },
  {
    id: "streams", title: "Streams", to: "/streams", icon: Waves, group: "Sending setup", area: "streams", built: true,
    summary: "Transactional, broadcast and inbound message streams.",
    plans: ["Streams of the server with their type and settings", "Create, edit, archive and unarchive streams"],
  },
  {
    id: "templates", title: "Templates", to: "/templates", icon: LayoutTemplate, group: "Sending setup", area: "templates", built: true,
    summary: "Templates and layouts, validation and push between servers.",
    plans: ["Templates and layouts, edited with a live sandboxed preview", "Validate a template against a test model", "Push templates from one server to another"],
  },
  {
    id: "domains", title: "Domains", to: "/domains", icon: Globe, group: "Sending setup", area: "domains", built: true,
    summary: "Sending domains and their DKIM, SPF and Return-Path records.",
    plans: ["Domains with the DNS records to publish and their verification state", "Verify DKIM and Return-Path, rotate DKIM keys"],
  },
  {
    id: "senders", title: "Senders", to: "/senders", icon: Signature, group: "Sending setup", area: "senders", built: true,
    summary: "Sender signatures and their confirmation.",
    plans: ["Sender signatures and whether they are confirmed", "Add a signature and resend its confirmation"],
  },
  {
    id: "servers", title: "Servers", to: "/servers", icon: Server, group: "Sending setup", area: "servers", built: true,
    summary: "Servers of the account and the current server's settings.",
    plans: ["Servers of the account with their colour and tracking settings", "Edit the current server's settings"],
  },
  {
    id: "webhooks", title: "Webhooks", to: "/webhooks", icon: Webhook, group: "Sending setup", area: "webhooks", built: true,
    summary: "Where Postmark posts each stream's events.",
    plans: ["Webhooks per stream and the triggers each one receives", "Point a stream's webhooks at this Mailroom in one step"],
  },
  {
    id: "inbound-rules", title: "Inbound rules", to: "/inbound-rules", icon: ShieldBan, group: "Sending setup", area: "inbound-rules", built: true,
    summary: "Addresses and domains whose inbound mail is blocked.",
    plans: ["Blocked addresses and domains", "Add or remove a rule"],
  },
  {
    id: "data-removals", title: "Data removals", to: "/data-removals", icon: Eraser, group: "Sending setup", area: "data-removals", built: true,
    summary: "Requests to erase what Postmark holds about an address.",
    plans: ["Request the removal of an address's data", "Follow a request's status"],
  },
  {
    id: "feed", title: "Event feed", to: "/feed", icon: Radio, group: "Automation", built: true,
    summary: "Postmark's webhook events as they arrive.",
    plans: [],
  },
  {
    id: "triggers", title: "Triggers", to: "/triggers", icon: Zap, group: "Automation", built: true,
    summary: "The 8 webhook triggers: what fires each, its fields, and a test event.",
    plans: [],
  },
  {
    id: "workflows", title: "Workflows", to: "/workflows", icon: Workflow, group: "Automation", built: true,
    summary: "Turn an event into Postmark actions.",
    plans: [],
  },
  {
    id: "runs", title: "Runs", to: "/runs", icon: History, group: "Automation", built: true,
    summary: "Every workflow run, its steps and their results.",
    plans: [],
  },
  {
    id: "approvals", title: "Approvals", to: "/approvals", icon: ClipboardCheck, group: "Automation", built: true,
    summary: "Risky workflow actions waiting for a person.",
    plans: [],
  },
  {
    id: "operations", title: "Operations", to: "/operations", icon: SquareTerminal, group: "Console", built: true,
    summary: "Every Postmark operation, runnable through the proxy.",
    plans: [],
  },
  {
    id: "audit", title: "Audit", to: "/audit", icon: ScrollText, group: "Console", built: true, roles: ["admin"],
    summary: "Who did what, when: the hash-chained audit trail, filtered and exported.",
    plans: [],
  },
  {
    id: "settings", title: "Settings", to: "/settings", icon: Settings, group: "Console", built: true,
    summary: "Users, the Postmark connection and webhook wiring.",
    plans: [],
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
