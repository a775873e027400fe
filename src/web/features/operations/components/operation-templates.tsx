import { Link } from "@tanstack/react-router";
import { Workflow } from "lucide-react";
import type { OperationId } from "@/contract/postmark";
import { templatesForOperation } from "@/contract/workflows/templates";

/** Ready-made workflows that use this operation; each opens in the editor as a new workflow. */
export function OperationTemplates({ operationId }: { operationId: OperationId }) {
  const list = templatesForOperation(operationId);
  if (list.length === 0) return null;
  return (
    <section
      className="mb-6 rounded-md border p-3"
      aria-label="Used in workflow templates"
      data-testid="operation-templates"
    >
      <h2 className="mb-2 flex items-center gap-2 text-sm font-medium">
        <Workflow className="size-4 text-muted-foreground" aria-hidden />
        Used in workflow templates
      </h2>
      <ul className="flex flex-col gap-1">
        {list.map((t) => (
          <li key={t.id}>
            <Link
              to="/workflows/$workflowId"
              params={{ workflowId: "new" }}
              search={{ template: t.id }}
              className="text-sm text-primary underline-offset-4 hover:underline"
            >
              {t.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
