import { useState, type FormEvent } from "react";
import { ActionError } from "@/web/components/action-error";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { fieldErrors } from "@/web/lib/form-errors";
import { notify } from "@/web/lib/toast";
import { serversCreate, useCreateServer } from "../servers-api";
import { serverColors } from "../servers-shape";

export function ServerCreateDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const [name, setName] = useState("");
  const [color, setColor] = useState<string>("blue");
  const [delivery, setDelivery] = useState("Live");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateServer();
  const close = (o: boolean) => {
    if (!o) {
      setName("");
      setErrors({});
      create.reset();
    }
    onOpenChange(o);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = serversCreate.body.safeParse({ Name: name.trim(), Color: color, DeliveryType: delivery });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (!parsed.data.Name) return setErrors({ Name: "A server needs a name" });
    setErrors({});
    create.mutate(
      { body: parsed.data },
      {
        onSuccess: (s) => {
          notify.success(`Created server ${s.Name ?? name}.`);
          close(false);
        },
      },
    );
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create a server</DialogTitle>
          <DialogDescription>
            A server has its own API token, streams, templates and statistics. A Sandbox server never delivers mail.
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <FormField id="new-server-name" label="Name" error={errors.Name} required>
            <Input
              id="new-server-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              aria-invalid={!!errors.Name}
            />
          </FormField>
          <div className="grid grid-cols-2 gap-3">
            <FormField id="new-server-color" label="Colour" error={errors.Color}>
              <Select value={color} onValueChange={setColor}>
                <SelectTrigger id="new-server-color">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {serverColors.map((c) => (
                    <SelectItem key={c} value={c} className="capitalize">
                      {c}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
            <FormField id="new-server-delivery" label="Delivery" error={errors.DeliveryType}>
              <Select value={delivery} onValueChange={setDelivery}>
                <SelectTrigger id="new-server-delivery">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="Live">Live</SelectItem>
                  <SelectItem value="Sandbox">Sandbox</SelectItem>
                </SelectContent>
              </Select>
            </FormField>
          </div>
          {create.isError && <ActionError error={create.error} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create server"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
