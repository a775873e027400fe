import { CircleAlert, CircleCheck, CircleHelp, TriangleAlert } from "lucide-react";
import type { Verdict, VerdictLevel } from "@/contract/health/verdicts";
import { formatRate } from "@/contract/health/verdicts";
import { Badge } from "@/web/components/ui/badge";

const look: Record<
  VerdictLevel,
  { label: string; variant: "success" | "warning" | "destructive" | "outline"; Icon: typeof CircleCheck }
> = {
  good: { label: "Good", variant: "success", Icon: CircleCheck },
  warning: { label: "Warning", variant: "warning", Icon: TriangleAlert },
  critical: { label: "Critical", variant: "destructive", Icon: CircleAlert },
  "too-few": { label: "Too few sends", variant: "outline", Icon: CircleHelp },
};

/** A verdict's level as a badge; the explanation is its tooltip and accessible description. */
export function VerdictBadge({ verdict, testId }: { verdict: Verdict; testId?: string }) {
  const { label, variant, Icon } = look[verdict.level];
  return (
    <Badge variant={variant} title={verdict.explanation} data-testid={testId} data-level={verdict.level}>
      <Icon aria-hidden />
      {label}
    </Badge>
  );
}

/** "Bounce rate 9.0% · Critical" with the explanation underneath. */
export function VerdictLine({
  title,
  verdict,
  testId,
  explain = true,
}: {
  title: string;
  verdict: Verdict;
  testId?: string;
  explain?: boolean;
}) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground">{title}</span>
        <span className="text-lg font-semibold tabular-nums">{formatRate(verdict.rate)}</span>
        <VerdictBadge verdict={verdict} />
      </div>
      {explain && <p className="mt-0.5 text-xs break-words text-muted-foreground">{verdict.explanation}</p>}
    </div>
  );
}
