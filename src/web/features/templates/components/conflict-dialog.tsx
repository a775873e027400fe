import { useMemo, useState } from "react";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import type { Resolution } from "../lib/diff";
import { applyMerge, planMerge, type FieldMerge, type FieldTexts, type MergeField } from "../lib/field-merge";
import { DiffView } from "./diff-view";

const fieldLabel: Record<MergeField, string> = {
  Name: "Name",
  Alias: "Alias",
  Subject: "Subject",
  LayoutTemplate: "Layout",
  HtmlBody: "HTML body",
  TextBody: "Text body",
};
const statusLabel: Record<FieldMerge["status"], string> = {
  unchanged: "unchanged",
  mine: "changed by you",
  theirs: "changed on Postmark",
  same: "same change on both",
  merged: "both changed, merged",
  conflict: "both changed the same lines",
};

export interface ConflictDialogProps {
  open: boolean;
  base: FieldTexts;
  mine: FieldTexts;
  theirs: FieldTexts;
  busy: boolean;
  onCancel(): void;
  /** Drop my edit and continue from theirs. */
  onTakeTheirs(): void;
  /** Save this content (mine over theirs, or the merge), with theirs as the base. */
  onSave(texts: FieldTexts): void;
  /** Put the merge in the editor to check it before saving. */
  onEdit(texts: FieldTexts): void;
}

/** The three-way difference after a refused save: base → theirs, base → mine, and a choice for each conflict. */
export function ConflictDialog({
  open,
  base,
  mine,
  theirs,
  busy,
  onCancel,
  onTakeTheirs,
  onSave,
  onEdit,
}: ConflictDialogProps) {
  const plan = useMemo(() => planMerge(base, mine, theirs), [base, mine, theirs]);
  const [choices, setChoices] = useState<Partial<Record<MergeField, Array<Resolution | undefined>>>>({});
  const merged = applyMerge(plan, choices);
  const changed = plan.filter((f) => f.status !== "unchanged");
  const open3 = plan.reduce((n, f) => n + f.chunks.filter((c) => c.kind === "conflict").length, 0);
  const choose = (field: MergeField, i: number, r: Resolution) =>
    setChoices((c) => {
      const list = [...(c[field] ?? [])];
      list[i] = r;
      return { ...c, [field]: list };
    });

  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()}>
      <DialogContent
        className="max-h-[90vh] w-[calc(100vw-1rem)] max-w-5xl overflow-y-auto"
        data-testid="conflict-dialog"
      >
        <DialogHeader>
          <DialogTitle>The template changed on Postmark since you opened it</DialogTitle>
          <DialogDescription>
            Someone (a colleague, Postmark's web app or a push) saved it in the meantime. Nothing was overwritten.
            Compare base → theirs and base → yours, then choose what to keep.
          </DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-5">
          {changed.map((f) => (
            <section
              key={f.field}
              className="flex min-w-0 flex-col gap-2 rounded-md border p-3"
              data-testid={`merge-${f.field}`}
              data-status={f.status}
            >
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold">{fieldLabel[f.field]}</h3>
                <Badge variant={f.status === "conflict" ? "destructive" : "secondary"}>{statusLabel[f.status]}</Badge>
              </div>
              <div className="grid min-w-0 grid-cols-1 gap-3 md:grid-cols-2">
                <DiffView label="Base → theirs" before={f.base} after={f.theirs} />
                <DiffView label="Base → mine" before={f.base} after={f.mine} />
              </div>
              {f.chunks.map((c, i, all) => {
                if (c.kind !== "conflict") return null;
                const index = all.slice(0, i).filter((x) => x.kind === "conflict").length;
                const current = choices[f.field]?.[index];
                return (
                  <fieldset
                    key={i}
                    className="rounded-md border border-destructive/40 p-2"
                    data-testid="merge-conflict"
                  >
                    <legend className="px-1 text-xs font-medium">Conflict {index + 1}: keep which lines?</legend>
                    <div className="grid min-w-0 grid-cols-1 gap-2 text-xs sm:grid-cols-3">
                      {(["base", "theirs", "mine"] as const).map((side) => (
                        <div key={side} className="min-w-0">
                          <p className="font-medium capitalize">{side}</p>
                          <pre className="max-h-40 overflow-auto rounded bg-muted/40 p-1 whitespace-pre-wrap break-all">
                            {c[side].join("\n") || "(nothing)"}
                          </pre>
                        </div>
                      ))}
                    </div>
                    <div
                      className="mt-2 flex flex-wrap gap-2"
                      role="radiogroup"
                      aria-label={`Conflict ${index + 1} in ${fieldLabel[f.field]}`}
                    >
                      {(["mine", "theirs", "both"] as const).map((r) => (
                        <Button
                          key={r}
                          type="button"
                          size="sm"
                          variant={current === r ? "default" : "outline"}
                          role="radio"
                          aria-checked={current === r}
                          onClick={() => choose(f.field, index, r)}
                        >
                          {r === "mine" ? "Keep mine" : r === "theirs" ? "Keep theirs" : "Keep both"}
                        </Button>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
            </section>
          ))}
        </div>
        <DialogFooter className="flex-wrap gap-2">
          <p className="mr-auto text-xs text-muted-foreground" data-testid="merge-summary">
            {open3 === 0
              ? "No conflicting lines: the merge keeps both sides' changes."
              : merged
                ? "Every conflict has a choice."
                : `${open3} conflict${open3 === 1 ? " needs" : "s need"} a choice to merge.`}
          </p>
          <Button variant="outline" onClick={onTakeTheirs} disabled={busy}>
            Discard mine, use theirs
          </Button>
          <Button variant="outline" onClick={() => onSave(mine)} disabled={busy}>
            Overwrite with mine
          </Button>
          <Button variant="outline" onClick={() => merged && onEdit(merged)} disabled={busy || !merged}>
            Edit the merge
          </Button>
          <Button onClick={() => merged && onSave(merged)} disabled={busy || !merged}>
            {busy ? "Saving…" : "Save the merge"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
