import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ActionError } from "@/web/components/action-error";
import { Plus, X } from "lucide-react";
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
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { useOpenCount } from "@/web/lib/open-count";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { notify } from "@/web/lib/toast";
import { webhooksCreate, webhooksUpdate } from "../webhooks-api";
import {
  createWebhookBody,
  formFor,
  triggerLabel,
  triggerNames,
  unsupportedTriggers,
  updateWebhookBody,
  type TriggerName,
  type Webhook,
  type WebhookForm,
} from "../webhooks-shaping";

interface StreamOption {
  ID: string;
  Name: string | null;
  MessageStreamType: string | null;
}

interface Props {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  webhook?: Webhook;
  defaultStream?: string;
  streams: StreamOption[];
  serverId: number | null;
}

function Toggle({
  id,
  label,
  checked,
  onChange,
  note,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  note?: string;
}) {
  return (
    <div className="flex items-start gap-3">
      <Switch id={id} checked={checked} onCheckedChange={onChange} className="mt-0.5" />
      <div className="flex min-w-0 flex-col">
        <Label htmlFor={id} className="font-normal">
          {label}
        </Label>
        {note && <span className="text-xs text-muted-foreground">{note}</span>}
      </div>
    </div>
  );
}

/** Create or edit a webhook: URL, basic auth, headers and the triggers it receives. */
export function WebhooksFormDialog({ open, onOpenChange, ...form }: Props) {
  const opened = useOpenCount(open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-xl">
        <WebhookFormBody key={`${opened}:${form.webhook?.ID ?? "new"}`} onOpenChange={onOpenChange} {...form} />
      </DialogContent>
    </Dialog>
  );
}

/** The form, mounted afresh for each opening and each webhook. */
function WebhookFormBody({ onOpenChange, webhook, defaultStream, streams, serverId }: Omit<Props, "open">) {
  const queryClient = useQueryClient();
  const editing = webhook !== undefined;
  const [form, setForm] = useState<WebhookForm>(() =>
    formFor(webhook, defaultStream ?? streams.find((s) => s.MessageStreamType !== "Inbound")?.ID),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    ...postmarkMutationOptions(webhooksCreate, serverId, queryClient),
    meta: { silent: true },
  });
  const update = useMutation({
    ...postmarkMutationOptions(webhooksUpdate, serverId, queryClient),
    meta: { silent: true },
  });
  const mutation = editing ? update : create;

  const set = <K extends keyof WebhookForm>(key: K, value: WebhookForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setTrigger = (t: TriggerName, on: boolean) => setForm((f) => ({ ...f, enabled: { ...f.enabled, [t]: on } }));
  const setHeader = (i: number, part: "Name" | "Value", v: string) =>
    setForm((f) => ({ ...f, Headers: f.Headers.map((h, j) => (j === i ? { ...h, [part]: v } : h)) }));
  const streamType = streams.find((s) => s.ID === form.MessageStream)?.MessageStreamType;
  const unsupported = unsupportedTriggers(streamType);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = (w: Webhook) => {
      notify.success(editing ? `Webhook ${w.ID} saved` : `Webhook ${w.ID} created`);
      onOpenChange(false);
    };
    if (editing) {
      const r = updateWebhookBody(form);
      setErrors(r.ok ? {} : r.errors);
      if (r.ok) update.mutate({ params: { webhookid: webhook.ID }, body: r.body }, { onSuccess: done });
    } else {
      const r = createWebhookBody(form);
      setErrors(r.ok ? {} : r.errors);
      if (r.ok) create.mutate({ body: r.body }, { onSuccess: done });
    }
  };

  return (
    <>
      <DialogHeader>
        <DialogTitle>{editing ? `Edit webhook ${webhook.ID}` : "Create a webhook"}</DialogTitle>
        <DialogDescription>Postmark posts the chosen events of one stream to this URL.</DialogDescription>
      </DialogHeader>
      <form id="webhook-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <FormField id="webhook-url" label="URL" required error={errors.Url}>
          <Input
            id="webhook-url"
            type="url"
            value={form.Url}
            onChange={(e) => set("Url", e.target.value)}
            placeholder="https://example.com/postmark"
            aria-invalid={Boolean(errors.Url)}
          />
        </FormField>
        <FormField
          id="webhook-stream"
          label="Stream"
          required
          error={errors.MessageStream}
          hint={editing ? "A webhook's stream cannot change." : undefined}
        >
          <Select value={form.MessageStream} onValueChange={(v) => set("MessageStream", v)} disabled={editing}>
            <SelectTrigger id="webhook-stream" className="w-full">
              <SelectValue placeholder="Choose a stream" />
            </SelectTrigger>
            <SelectContent>
              {streams.map((s) => (
                <SelectItem key={s.ID} value={s.ID}>
                  {s.Name ?? s.ID} ({s.ID}, {s.MessageStreamType})
                </SelectItem>
              ))}
              {editing && !streams.some((s) => s.ID === form.MessageStream) && (
                <SelectItem value={form.MessageStream}>{form.MessageStream}</SelectItem>
              )}
            </SelectContent>
          </Select>
        </FormField>

        <fieldset className="flex flex-col gap-3 rounded-md border p-3">
          <legend className="px-1 text-sm font-medium">Triggers</legend>
          {streamType === "Inbound" && (
            <p className="text-xs text-muted-foreground">
              Inbound streams take no webhooks: they post to the server's inbound hook URL. Postmark answers 1351.
            </p>
          )}
          {streamType === "Broadcasts" && (
            <p className="text-xs text-muted-foreground">
              Broadcast streams do not take Bounce or Spam complaint webhooks; Postmark answers 1353.
            </p>
          )}
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {triggerNames.map((t) => (
              <Toggle
                key={t}
                id={`trigger-${t}`}
                label={triggerLabel[t]}
                checked={form.enabled[t]}
                onChange={(v) => setTrigger(t, v)}
                note={unsupported.includes(t) ? "Not taken by this stream" : undefined}
              />
            ))}
          </div>
          <div className="flex flex-col gap-2 border-t pt-3">
            <Toggle
              id="opt-first-open"
              label="Post only the first open"
              checked={form.PostFirstOpenOnly}
              onChange={(v) => set("PostFirstOpenOnly", v)}
            />
            <Toggle
              id="opt-bounce-content"
              label="Include the message content with bounces"
              checked={form.BounceIncludeContent}
              onChange={(v) => set("BounceIncludeContent", v)}
            />
            <Toggle
              id="opt-spam-content"
              label="Include the message content with spam complaints"
              checked={form.SpamIncludeContent}
              onChange={(v) => set("SpamIncludeContent", v)}
            />
          </div>
        </fieldset>

        <fieldset className="grid grid-cols-1 gap-3 rounded-md border p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">Basic auth (optional)</legend>
          <FormField id="webhook-user" label="Username">
            <Input
              id="webhook-user"
              value={form.Username}
              onChange={(e) => set("Username", e.target.value)}
              autoComplete="off"
            />
          </FormField>
          <FormField
            id="webhook-password"
            label="Password"
            hint={
              webhook?.HttpAuth?.Password
                ? "Mailroom never shows a saved password. Leave it as is to keep it, or type a new one."
                : undefined
            }
          >
            <Input
              id="webhook-password"
              type="password"
              value={form.Password}
              onChange={(e) => set("Password", e.target.value)}
              autoComplete="new-password"
            />
          </FormField>
        </fieldset>

        <fieldset className="flex flex-col gap-2 rounded-md border p-3">
          <legend className="px-1 text-sm font-medium">HTTP headers</legend>
          {form.Headers.length === 0 && <p className="text-xs text-muted-foreground">No extra headers.</p>}
          {form.Headers.map((h, i) => (
            <div key={i} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <Input
                  aria-label={`Header ${i + 1} name`}
                  placeholder="Name"
                  value={h.Name}
                  onChange={(e) => setHeader(i, "Name", e.target.value)}
                  className="min-w-0 flex-1 font-mono"
                />
                <Input
                  aria-label={`Header ${i + 1} value`}
                  placeholder="Value"
                  value={h.Value}
                  onChange={(e) => setHeader(i, "Value", e.target.value)}
                  className="min-w-0 flex-1 font-mono"
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove header ${i + 1}`}
                  onClick={() =>
                    set(
                      "Headers",
                      form.Headers.filter((_, j) => j !== i),
                    )
                  }
                >
                  <X aria-hidden />
                </Button>
              </div>
              {errors[`Header${i}`] && (
                <p role="alert" className="text-xs text-destructive">
                  {errors[`Header${i}`]}
                </p>
              )}
            </div>
          ))}
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="w-fit"
            onClick={() => set("Headers", [...form.Headers, { Name: "", Value: "" }])}
          >
            <Plus aria-hidden />
            Add header
          </Button>
        </fieldset>

        {mutation.isError && <ActionError error={mutation.error} title="Postmark refused the webhook" />}
      </form>
      <DialogFooter>
        <Button variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button type="submit" form="webhook-form" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : editing ? "Save webhook" : "Create webhook"}
        </Button>
      </DialogFooter>
    </>
  );
}
