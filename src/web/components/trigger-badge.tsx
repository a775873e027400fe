import {
  BellRing,
  Inbox,
  MailCheck,
  MailOpen,
  MailX,
  MousePointerClick,
  ServerCrash,
  ShieldAlert,
  TriangleAlert,
  UserRoundX,
  type LucideIcon,
} from "lucide-react";
import type { EventKind } from "@/contract/api/events";
import { triggers } from "@/contract/postmark/triggers";
import type { WorkflowTriggerId } from "@/contract/workflows/trigger-ids";
import { cn } from "@/web/lib/utils";

/** A stored event's kind, or what started a workflow run (which may be an alert). */
export type BadgeKind = EventKind | WorkflowTriggerId;

/** Each trigger's icon and colour, the same on the feed, the Triggers page and the wiring check. */
export const triggerLook: Record<BadgeKind, { icon: LucideIcon; title: string; className: string }> = {
  bounce: { icon: MailX, title: triggers.bounce.title, className: "bg-red-500/12 text-red-700 dark:text-red-300" },
  "smtp-api-error": {
    icon: ServerCrash,
    title: triggers["smtp-api-error"].title,
    className: "bg-orange-500/15 text-orange-700 dark:text-orange-300",
  },
  "spam-complaint": {
    icon: ShieldAlert,
    title: triggers["spam-complaint"].title,
    className: "bg-fuchsia-500/12 text-fuchsia-700 dark:text-fuchsia-300",
  },
  "subscription-change": {
    icon: UserRoundX,
    title: triggers["subscription-change"].title,
    className: "bg-amber-500/15 text-amber-800 dark:text-amber-300",
  },
  delivery: {
    icon: MailCheck,
    title: triggers.delivery.title,
    className: "bg-emerald-500/12 text-emerald-700 dark:text-emerald-300",
  },
  open: { icon: MailOpen, title: triggers.open.title, className: "bg-sky-500/12 text-sky-700 dark:text-sky-300" },
  click: {
    icon: MousePointerClick,
    title: triggers.click.title,
    className: "bg-violet-500/12 text-violet-700 dark:text-violet-300",
  },
  inbound: { icon: Inbox, title: triggers.inbound.title, className: "bg-teal-500/12 text-teal-700 dark:text-teal-300" },
  alert: { icon: BellRing, title: "Alert", className: "bg-rose-500/12 text-rose-700 dark:text-rose-300" },
  unrecognised: {
    icon: TriangleAlert,
    title: "Unrecognised",
    className: "bg-warning/25 text-warning-foreground dark:text-warning",
  },
};

export function TriggerIcon({ kind, className }: { kind: BadgeKind; className?: string }) {
  const { icon: Icon, className: tone } = triggerLook[kind];
  return (
    <span
      className={cn("inline-flex size-8 shrink-0 items-center justify-center rounded-md", tone, className)}
      aria-hidden
    >
      <Icon className="size-4" />
    </span>
  );
}

export function TriggerBadge({ kind, className }: { kind: BadgeKind; className?: string }) {
  const { icon: Icon, title, className: tone } = triggerLook[kind];
  return (
    <span
      data-slot="trigger-badge"
      data-trigger={kind}
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        tone,
        className,
      )}
    >
      <Icon className="size-3" aria-hidden />
      {title}
    </span>
  );
}
