import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { LayoutTemplate, Workflow } from "lucide-react";
import type { TriggerId } from "@/contract/postmark/triggers";
import { templatesForTrigger } from "@/contract/workflows/templates";
import { Badge } from "@/web/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { Skeleton } from "@/web/components/ui/skeleton";
import { describeError } from "@/web/lib/api-error";
import { workflowsByTriggerQuery } from "../triggers-api";

/** The ready-made templates and the saved workflows that start from this trigger. */
export function TriggersUsage({ trigger }: { trigger: TriggerId }) {
  const templates = templatesForTrigger(trigger);
  const workflows = useQuery(workflowsByTriggerQuery);
  const mine = workflows.data?.workflows.filter((w) => w.trigger === trigger) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Used by</CardTitle>
        <CardDescription>Workflows run when this trigger fires.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <section className="flex flex-col gap-2">
          <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Your workflows</h3>
          {workflows.isPending ? (
            <Skeleton className="h-10" />
          ) : workflows.isError ? (
            <p className="text-sm text-muted-foreground">Could not read workflows: {describeError(workflows.error)}</p>
          ) : workflows.data === null ? (
            <p className="text-sm text-muted-foreground">Workflows are not available on this Mailroom yet.</p>
          ) : mine.length === 0 ? (
            <p className="text-sm text-muted-foreground">No workflow uses this trigger yet.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {mine.map((w) => (
                <li key={w.id}>
                  <Link
                    to="/workflows/$workflowId"
                    params={{ workflowId: String(w.id) }}
                    className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-muted"
                  >
                    <Workflow className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                    <span className="min-w-0 flex-1 truncate">{w.name}</span>
                    <Badge variant={w.enabled ? "success" : "outline"}>{w.enabled ? "On" : "Off"}</Badge>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="flex flex-col gap-2">
          <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Templates</h3>
          {templates.length === 0 ? (
            <p className="text-sm text-muted-foreground">No ready-made template starts from this trigger.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {templates.map((t) => (
                <li key={t.id}>
                  <Link
                    to="/workflows"
                    className="flex min-w-0 items-start gap-2 rounded-md px-2 py-1.5 hover:bg-muted"
                  >
                    <LayoutTemplate className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                    <span className="flex min-w-0 flex-col">
                      <span className="text-sm font-medium">{t.title}</span>
                      <span className="line-clamp-2 text-xs text-muted-foreground">{t.description}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
