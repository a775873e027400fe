import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import type { SettingChange } from "../servers-shape";

/** The settings a save will change, before and after, confirmed before anything is sent. */
export function ServerSettingsDiff({
  changes,
  serverName,
  onCancel,
  onSave,
}: {
  changes: SettingChange[] | undefined;
  serverName: string;
  onCancel: () => void;
  onSave: () => void;
}) {
  return (
    <Dialog open={changes !== undefined} onOpenChange={(o) => !o && onCancel()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            Save {changes?.length ?? 0} change{changes?.length === 1 ? "" : "s"} to {serverName}?
          </DialogTitle>
          <DialogDescription>
            Only these settings are sent to Postmark; everything else stays as it is.
          </DialogDescription>
        </DialogHeader>
        <ul
          className="flex max-h-[50vh] flex-col divide-y overflow-y-auto rounded-md border text-sm"
          data-testid="server-settings-diff"
        >
          {changes?.map((c) => (
            <li key={c.field} className="flex min-w-0 flex-col gap-0.5 px-3 py-2" data-testid="server-settings-change">
              <span className="font-medium">{c.label}</span>
              <span className="min-w-0 break-all">
                <del className="text-muted-foreground">{c.before}</del> <span aria-hidden>→</span>{" "}
                <ins className="no-underline">{c.after}</ins>
              </span>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel}>
            Keep editing
          </Button>
          <Button type="button" onClick={onSave}>
            Save to Postmark
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
