import type { HttpMethod, Risk } from "@/contract/postmark/operation";
import { Badge } from "@/web/components/ui/badge";
import { cn } from "@/web/lib/utils";

const methodColor: Record<HttpMethod, string> = {
  GET: "text-success",
  POST: "text-primary",
  PUT: "text-warning-foreground dark:text-warning",
  PATCH: "text-warning-foreground dark:text-warning",
  DELETE: "text-destructive",
};

export function MethodLabel({ method, className }: { method: HttpMethod; className?: string }) {
  return (
    <span className={cn("inline-block w-14 shrink-0 font-mono text-xs font-semibold", methodColor[method], className)}>
      {method}
    </span>
  );
}

export function RiskBadge({ risk }: { risk: Risk }) {
  if (risk === "read") return <Badge variant="secondary">read</Badge>;
  if (risk === "write") return <Badge variant="warning">write</Badge>;
  return <Badge variant="destructive">destructive</Badge>;
}
