import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ChevronRight } from "lucide-react";
import { triggerIds, triggers } from "@/contract/postmark/triggers";
import { templatesForTrigger } from "@/contract/workflows/templates";
import { PageHeader } from "@/web/components/page-header";
import { TriggerIcon } from "@/web/components/trigger-badge";
import { workflowsByTriggerQuery } from "./triggers-api";

/** The 8 triggers at a glance; each opens its own page with fields, example and a test button. */
export function TriggersPage() {
  const workflows = useQuery(workflowsByTriggerQuery);
  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader
        title="Triggers"
        description="The 8 kinds of event Postmark posts to Mailroom: what fires each, what it carries, and what uses it."
      />
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {triggerIds.map((id) => {
          const t = triggers[id];
          const templates = templatesForTrigger(id).length;
          const used = workflows.data?.workflows.filter((w) => w.trigger === id).length;
          return (
            <li key={id}>
              <Link
                to="/triggers/$trigger"
                params={{ trigger: id }}
                className="group flex h-full items-start gap-3 rounded-lg border bg-card p-4 transition-colors hover:bg-muted/50 focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
              >
                <TriggerIcon kind={id} className="size-10" />
                <span className="flex min-w-0 flex-1 flex-col gap-1">
                  <span className="flex items-center gap-2 font-medium">
                    {t.title}
                    <code className="rounded bg-muted px-1 font-mono text-[11px] font-normal text-muted-foreground">
                      {id}
                    </code>
                  </span>
                  <span className="text-sm text-muted-foreground">{t.description}</span>
                  <span className="text-xs text-muted-foreground">
                    {templates} template{templates === 1 ? "" : "s"}
                    {used !== undefined && ` · ${used} workflow${used === 1 ? "" : "s"}`} · {t.fields.length} fields
                  </span>
                </span>
                <ChevronRight
                  className="mt-2 size-4 shrink-0 text-muted-foreground transition-transform group-hover:translate-x-0.5"
                  aria-hidden
                />
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
