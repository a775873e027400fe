import type { WiringChange } from "@/contract/api/events";
import { JsonViewer } from "@/web/components/json-viewer";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";

/** Shows exactly which Postmark calls "wire" will make, with their bodies, before any is made. */
export function WebhookWiringPlanDialog({
  changes,
  open,
  onOpenChange,
  onConfirm,
  applying,
}: {
  changes: WiringChange[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  applying: boolean;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl" data-testid="wiring-plan">
        <DialogHeader>
          <DialogTitle>
            Make {changes.length} change{changes.length === 1 ? "" : "s"} in Postmark?
          </DialogTitle>
          <DialogDescription>
            Mailroom will make these calls, in this order. Passwords are masked here and sent in full.
          </DialogDescription>
        </DialogHeader>
        <ol className="flex min-w-0 flex-col gap-3">
          {changes.map((c, i) => (
            <li key={i} className="flex min-w-0 flex-col gap-2 rounded-md border p-3">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs font-semibold">{c.method}</span>
                <code className="min-w-0 font-mono text-xs break-all">{c.path}</code>
                <span className="text-xs text-muted-foreground">
                  server {c.serverId} · {c.operationId}
                </span>
              </div>
              <p className="text-sm">{c.reason}</p>
              {c.body != null && <JsonViewer value={c.body} />}
            </li>
          ))}
        </ol>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button onClick={onConfirm} disabled={applying}>
            {applying ? "Wiring…" : `Make ${changes.length} change${changes.length === 1 ? "" : "s"}`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
