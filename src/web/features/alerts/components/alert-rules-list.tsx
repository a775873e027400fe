import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import type { AlertRule } from "@/contract/api/alerts";
import { describeRule } from "@/contract/health/alert-rules";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { afterAlertsChange, alertRulesQuery, deleteRule } from "@/web/lib/alerts-api";
import { describeError } from "@/web/lib/api-error";
import { AlertRuleDialog } from "./alert-rule-dialog";

/** The rules, with create, edit and delete for operators and admins. */
export function AlertRulesList({ canEdit, serverName }: { canEdit: boolean; serverName: (id: number) => string }) {
  const qc = useQueryClient();
  const q = useQuery(alertRulesQuery);
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState<AlertRule | null>(null);
  const remove = useMutation({
    mutationFn: (id: number) => deleteRule(id),
    meta: { silent: true },
    onSuccess: () => afterAlertsChange(qc),
  });
  return (
    <div className="grid gap-3" data-testid="alert-rules">
      {canEdit && (
        <div>
          <Button
            size="sm"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            <Plus aria-hidden />
            New rule
          </Button>
        </div>
      )}
      {q.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : q.isError ? (
        <ErrorState title="Could not load the rules" error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.rules.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No rules yet.{" "}
          {canEdit
            ? "Create one to be told when a rate or a flow goes wrong."
            : "An operator or an admin can create them."}
        </p>
      ) : (
        <ul className="divide-y rounded-lg border bg-card">
          {q.data.rules.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
              data-testid="alert-rule"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {r.rule.name}
                  {!r.rule.enabled && <Badge variant="outline">off</Badge>}
                </p>
                <p className="text-sm break-words text-muted-foreground">
                  {describeRule(r.rule)} · {serverName(r.rule.scope.serverId)}
                </p>
              </div>
              {canEdit && (
                <div className="flex gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Edit ${r.rule.name}`}
                    onClick={() => {
                      setEditing(r);
                      setOpen(true);
                    }}
                  >
                    <Pencil aria-hidden />
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Delete ${r.rule.name}`} onClick={() => setRemoving(r)}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && (
        <p role="alert" className="text-sm break-words text-destructive">
          {describeError(remove.error)}
        </p>
      )}
      <AlertRuleDialog open={open} onOpenChange={setOpen} editing={editing} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={`Delete the rule "${removing?.rule.name ?? ""}"`}
        description="Its history stays; a firing alert of this rule is resolved now."
        confirmLabel="Delete rule"
        onConfirm={() => removing && remove.mutate(removing.id)}
      />
    </div>
  );
}
