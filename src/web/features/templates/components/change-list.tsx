import { ActionError } from "@/web/components/action-error";
import { useState } from "react";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import type { PlanRow } from "../lib/plan";
import type { PostmarkVerdict } from "../lib/push-plan";
import type { RowResult } from "../sync-api";
import { DiffView } from "./diff-view";

const actionText: Record<PlanRow["action"], string> = {
  create: "will be created",
  update: "will change",
  unchanged: "no change",
  "type-mismatch": "type differs: cannot apply",
};

/** Postmark's own preview for a row (push only), marked when it disagrees with Mailroom's diff. */
function PostmarkBadge({ verdict }: { verdict: PostmarkVerdict }) {
  return (
    <Badge
      variant={verdict.agrees ? "outline" : "warning"}
      data-testid="postmark-action"
      data-agrees={verdict.agrees}
      title={
        verdict.agrees
          ? "Postmark's preview agrees with Mailroom's diff"
          : "Postmark's preview and Mailroom's diff disagree: open the diff before pushing"
      }
    >
      Postmark: {verdict.action ?? "not listed"}
    </Badge>
  );
}

/** What a push or import would do, per template: select rows, open each one's diff, then see each result. */
export function ChangeList({
  rows,
  selected,
  onSelected,
  results,
  postmark,
}: {
  rows: readonly PlanRow[];
  selected: ReadonlySet<string>;
  onSelected(next: Set<string>): void;
  results: ReadonlyMap<string, RowResult | { ok: true; note: string }>;
  /** Postmark's per-template Action from its PerformChanges:false answer, by row key (push only). */
  postmark?: ReadonlyMap<string, PostmarkVerdict>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const selectable = rows.filter((r) => r.action === "create" || r.action === "update");
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={selectable.length > 0 && selectable.every((r) => selected.has(r.key))}
          onChange={(e) => onSelected(new Set(e.target.checked ? selectable.map((r) => r.key) : []))}
        />
        Select every change ({selectable.length})
      </label>
      <ul className="flex flex-col divide-y rounded-md border" aria-label="Changes">
        {rows.map((r) => {
          const result = results.get(r.key);
          const can = r.action === "create" || r.action === "update";
          return (
            <li
              key={r.key}
              className="flex min-w-0 flex-col gap-2 p-2"
              data-testid="change-row"
              data-action={r.action}
              data-alias={r.incoming.Alias ?? ""}
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  aria-label={`Include ${r.incoming.Name}`}
                  disabled={!can}
                  checked={can && selected.has(r.key)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(r.key);
                    else next.delete(r.key);
                    onSelected(next);
                  }}
                />
                <span className="min-w-48 flex-1 break-words">
                  <span className="font-medium">{r.incoming.Name}</span>{" "}
                  {r.incoming.Alias && (
                    <span className="font-mono text-xs text-muted-foreground">({r.incoming.Alias})</span>
                  )}
                  {r.incoming.TemplateType === "Layout" && (
                    <Badge variant="secondary" className="ml-2">
                      layout
                    </Badge>
                  )}
                </span>
                <Badge
                  variant={
                    r.action === "type-mismatch" ? "destructive" : r.action === "unchanged" ? "secondary" : "default"
                  }
                >
                  {actionText[r.action]}
                </Badge>
                {postmark?.has(r.key) && <PostmarkBadge verdict={postmark.get(r.key)!} />}
                {(r.action === "update" || r.action === "create") && (
                  <Button
                    size="sm"
                    variant="outline"
                    onClick={() => setOpen(open === r.key ? null : r.key)}
                    aria-expanded={open === r.key}
                  >
                    {open === r.key ? "Hide diff" : "Show diff"}
                  </Button>
                )}
              </div>
              {result && (
                <div data-testid="change-result" data-ok={result.ok}>
                  {result.ok ? (
                    <p className="text-sm text-emerald-700 dark:text-emerald-400">
                      {"note" in result ? result.note : `Done: template #${result.state.template.TemplateId}`}
                    </p>
                  ) : (
                    <ActionError className="p-2" error={result.error} />
                  )}
                </div>
              )}
              {open === r.key && (
                <div className="flex min-w-0 flex-col gap-2" data-testid="change-diff">
                  {(["Name", "Subject", "LayoutTemplate", "HtmlBody", "TextBody"] as const).map((f) => (
                    <DiffView
                      key={f}
                      label={
                        f === "LayoutTemplate"
                          ? "Layout"
                          : f === "HtmlBody"
                            ? "HTML body"
                            : f === "TextBody"
                              ? "Text body"
                              : f
                      }
                      before={r.existing?.template[f] ?? ""}
                      after={r.incoming[f] ?? ""}
                    />
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
