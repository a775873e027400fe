import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ActionError } from "@/web/components/action-error";
import { useState, type FormEvent } from "react";
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
import { Textarea } from "@/web/components/ui/textarea";
import { useOpenCount } from "@/web/lib/open-count";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { notify } from "@/web/lib/toast";
import { streamsCreate, streamsUpdate } from "../streams-api";
import { streamTypes, type StreamType } from "../streams-search";
import {
  createStreamBody,
  formFor,
  typeLabel,
  unsubscribeChoices,
  updateStreamBody,
  type Stream,
  type StreamForm,
  type UnsubscribeType,
} from "../streams-shaping";

const unsubscribeHelp: Record<UnsubscribeType, string> = {
  None: "No unsubscribe link is added.",
  Postmark: "Postmark adds an unsubscribe link and handles opt-outs.",
  Custom: "You add your own unsubscribe link and handling.",
};

/** Create a stream (no `stream`) or edit one: name, description and unsubscribe handling. */
export function StreamsFormDialog({ open, onOpenChange, stream, serverId }: Props & { open: boolean }) {
  const opened = useOpenCount(open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <StreamFormBody
          key={`${opened}:${stream?.ID ?? "new"}`}
          onOpenChange={onOpenChange}
          stream={stream}
          serverId={serverId}
        />
      </DialogContent>
    </Dialog>
  );
}

interface Props {
  onOpenChange: (o: boolean) => void;
  stream?: Stream;
  serverId: number | null;
}

/** The form, mounted afresh for each opening and each stream. */
function StreamFormBody({ onOpenChange, stream, serverId }: Props) {
  const queryClient = useQueryClient();
  const editing = stream !== undefined;
  const [form, setForm] = useState<StreamForm>(() => formFor(stream));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    ...postmarkMutationOptions(streamsCreate, serverId, queryClient),
    meta: { silent: true },
  });
  const update = useMutation({
    ...postmarkMutationOptions(streamsUpdate, serverId, queryClient),
    meta: { silent: true },
  });
  const mutation = editing ? update : create;

  const set = <K extends keyof StreamForm>(key: K, value: StreamForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = (s: { ID: string | null }) => {
      notify.success(editing ? `Stream ${s.ID} saved` : `Stream ${s.ID} created`);
      onOpenChange(false);
    };
    if (editing) {
      const r = updateStreamBody(stream, form);
      setErrors(r.ok ? {} : r.errors);
      if (r.ok) update.mutate({ params: { streamId: stream.ID ?? "" }, body: r.body }, { onSuccess: done });
    } else {
      const r = createStreamBody(form);
      setErrors(r.ok ? {} : r.errors);
      if (r.ok) create.mutate({ body: r.body }, { onSuccess: done });
    }
  };

  const choices = unsubscribeChoices(form.MessageStreamType);
  return (
    <>
      <DialogHeader>
        <DialogTitle>{editing ? `Edit stream ${stream.ID}` : "Create a message stream"}</DialogTitle>
        <DialogDescription>
          {editing
            ? "The ID and type of a stream cannot change."
            : "A server holds up to 10 streams, and one inbound stream at most."}
        </DialogDescription>
      </DialogHeader>
      <form id="stream-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {!editing && (
          <>
            <FormField
              id="stream-id"
              label="ID"
              required
              error={errors.ID}
              hint="Lowercase letters, digits, - and _, starting with a letter. Used by the API."
            >
              <Input
                id="stream-id"
                value={form.ID}
                onChange={(e) => set("ID", e.target.value)}
                autoComplete="off"
                className="font-mono"
                aria-invalid={Boolean(errors.ID)}
              />
            </FormField>
            <FormField id="stream-type" label="Type" required error={errors.MessageStreamType}>
              <Select
                value={form.MessageStreamType}
                onValueChange={(v) =>
                  setForm((f) => ({
                    ...f,
                    MessageStreamType: v as StreamType,
                    UnsubscribeHandlingType: v === "Broadcasts" ? "Postmark" : "None",
                  }))
                }
              >
                <SelectTrigger id="stream-type" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {streamTypes.map((t) => (
                    <SelectItem key={t} value={t}>
                      {typeLabel[t]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
          </>
        )}
        <FormField id="stream-name" label="Name" required error={errors.Name}>
          <Input
            id="stream-name"
            value={form.Name}
            onChange={(e) => set("Name", e.target.value)}
            aria-invalid={Boolean(errors.Name)}
          />
        </FormField>
        <FormField
          id="stream-description"
          label="Description"
          error={errors.Description}
          hint="Plain text, 1000 characters at most."
        >
          <Textarea
            id="stream-description"
            value={form.Description}
            onChange={(e) => set("Description", e.target.value)}
            rows={3}
            aria-invalid={Boolean(errors.Description)}
          />
        </FormField>
        <FormField
          id="stream-unsubscribe"
          label="Unsubscribe handling"
          hint={
            form.MessageStreamType === "Broadcasts"
              ? unsubscribeHelp[form.UnsubscribeHandlingType]
              : "Only broadcast streams handle unsubscribes."
          }
        >
          <Select
            value={form.UnsubscribeHandlingType}
            onValueChange={(v) => set("UnsubscribeHandlingType", v as UnsubscribeType)}
            disabled={choices.length < 2}
          >
            <SelectTrigger id="stream-unsubscribe" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {choices.map((c) => (
                <SelectItem key={c} value={c}>
                  {c}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
        {errors._form && (
          <p role="alert" className="text-sm text-destructive">
            {errors._form}
          </p>
        )}
        {mutation.isError && <ActionError error={mutation.error} title="Postmark refused the stream" />}
      </form>
      <DialogFooter>
        <Button variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button type="submit" form="stream-form" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : editing ? "Save stream" : "Create stream"}
        </Button>
      </DialogFooter>
    </>
  );
}
