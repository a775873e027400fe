import { Link, type LinkProps } from "@tanstack/react-router";
import { ChevronRight, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/web/lib/utils";

/** A tile of the overview: a heading, what it says, and a link to the page with the detail. */
export function OverviewTile({
  title,
  icon: Icon,
  link,
  linkLabel,
  children,
  className,
  testId,
  tone,
}: {
  title: string;
  icon: LucideIcon;
  link: LinkProps;
  linkLabel: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  tone?: "critical" | "warning";
}) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className={cn(
        "flex min-w-0 flex-col rounded-lg border bg-card p-4",
        tone === "critical" && "border-destructive/50",
        tone === "warning" && "border-warning/60",
        className,
      )}
    >
      <h2 className="mb-3 flex items-center gap-2 text-sm font-semibold">
        <Icon aria-hidden className="size-4 text-muted-foreground" />
        {title}
      </h2>
      <div className="min-w-0 flex-1">{children}</div>
      <Link
        {...link}
        className="mt-3 inline-flex items-center gap-1 self-start text-sm text-primary underline-offset-4 hover:underline"
      >
        {linkLabel}
        <ChevronRight aria-hidden className="size-4" />
      </Link>
    </section>
  );
}
