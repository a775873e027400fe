import type { RunStatus, StepStatus } from "@/contract/api/workflows";
import { Badge } from "@/web/components/ui/badge";

type Variant = "success" | "warning" | "destructive" | "secondary" | "outline";
const variant: Record<RunStatus | StepStatus, Variant> = {
  queued: "secondary",
  running: "warning",
  waiting: "warning",
  succeeded: "success",
  failed: "destructive",
  rejected: "destructive",
  expired: "destructive",
  pending: "secondary",
  in_flight: "warning",
  retrying: "warning",
  partial: "destructive",
  waiting_approval: "warning",
  approved: "success",
  uncertain: "warning",
  condition_passed: "success",
  condition_failed: "outline",
  skipped: "outline",
};

export function RunStatusBadge({ status }: { status: RunStatus | StepStatus }) {
  return (
    <Badge variant={variant[status]} data-testid="run-status">
      {status.replace(/_/g, " ")}
    </Badge>
  );
}
