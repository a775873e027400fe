import { Pencil, Trash2 } from "lucide-react";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { displayUrl, enabledTriggers, triggerLabel, type Webhook } from "../webhooks-shaping";

/** Mailroom's own intake URL, so the webhooks it wired for itself stand out. */
function isThisMailroom(url: string | null): boolean {
  return Boolean(url?.startsWith(`${window.location.origin}/webhooks/postmark`));
}

/** One webhook of the list: where it posts, for which stream and triggers, with edit and delete. */
export function WebhookCard({
  webhook: w,
  canWrite,
  canDelete,
  onEdit,
  onDelete,
}: {
  webhook: Webhook;
  canWrite: boolean;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const on = enabledTriggers(w);
  const headers = w.HttpHeaders?.length ?? 0;
  return (
    <>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <span className="font-mono text-sm break-all">{displayUrl(w.Url)}</span>
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <Badge variant="outline" className="font-mono font-normal">
            {w.MessageStream}
          </Badge>
          <span>#{w.ID}</span>
          {isThisMailroom(w.Url) && <Badge variant="success">This Mailroom</Badge>}
          {w.HttpAuth?.Username && <span>Basic auth as {w.HttpAuth.Username}</span>}
          {headers > 0 && (
            <span>
              {headers} header{headers === 1 ? "" : "s"}
            </span>
          )}
        </div>
        <div className="flex flex-wrap gap-1" aria-label="Triggers">
          {on.length === 0 ? (
            <span className="text-xs text-muted-foreground">No triggers enabled</span>
          ) : (
            on.map((t) => (
              <Badge key={t} variant="secondary" data-testid="webhook-trigger">
                {triggerLabel[t]}
              </Badge>
            ))
          )}
        </div>
      </div>
      <div className="flex shrink-0 gap-2">
        <Button variant="outline" size="sm" onClick={onEdit} disabled={!canWrite} aria-label={`Edit webhook ${w.ID}`}>
          <Pencil aria-hidden />
          Edit
        </Button>
        <Button
          variant="outline"
          size="sm"
          onClick={onDelete}
          disabled={!canDelete}
          aria-label={`Delete webhook ${w.ID}`}
        >
          <Trash2 aria-hidden />
          Delete
        </Button>
      </div>
    </>
  );
}
