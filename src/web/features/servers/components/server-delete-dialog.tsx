import { useState } from "react";
import { ActionError } from "@/web/components/action-error";
import { TypedConfirmField, typedConfirms } from "@/web/components/confirm-dialog";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import { notify } from "@/web/lib/toast";
import { useDeleteServer } from "../servers-api";
import type { ServerSummary } from "../servers-shape";

/** Deleting a server loses its messages, templates and streams: the user types its name to confirm. */
export function ServerDeleteDialog({
  server,
  onOpenChange,
}: {
  server: ServerSummary | null;
  onOpenChange: (o: boolean) => void;
}) {
  const [typed, setTyped] = useState("");
  const del = useDeleteServer();
  const name = server?.Name ?? "";
  const close = (o: boolean) => {
    if (!o) {
      setTyped("");
      del.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog open={server !== null} onOpenChange={close}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete the server {name}?</DialogTitle>
          <DialogDescription>
            Postmark deletes {name} with its messages, streams, templates, webhooks and API tokens. Apps sending with
            its token stop working. This cannot be undone.
          </DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!server || !typedConfirms(typed, name)) return;
            del.mutate(
              { params: { serverid: server.ID } },
              {
                onSuccess: (r) => {
                  notify.success(r.Message ?? `Server ${name} removed.`);
                  close(false);
                },
              },
            );
          }}
        >
          <TypedConfirmField id="server-delete-name" expected={name} value={typed} onChange={setTyped} />
          {del.isError && <ActionError error={del.error} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" disabled={!typedConfirms(typed, name) || del.isPending}>
              {del.isPending ? "Deleting…" : `Delete ${name}`}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
