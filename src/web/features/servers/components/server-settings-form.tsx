import { useState, type FormEvent, type ReactNode } from "react";
import { ActionError } from "@/web/components/action-error";
import { CopyButton } from "@/web/components/copy-button";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { notify } from "@/web/lib/toast";
import { serverUpdate, useCan, useUpdateCurrentServer } from "../servers-api";
import {
  hookFields,
  SECRET_MASK,
  serverColors,
  settingsChanges,
  settingsOf,
  spamThresholds,
  trackLinkOptions,
  type ServerConfig,
  type ServerSettings,
  type ServerUpdateBody,
  type SettingChange,
} from "../servers-shape";
import { ServerSettingsDiff } from "./server-settings-diff";

const hookLabels: Record<(typeof hookFields)[number], string> = {
  InboundHookUrl: "Inbound webhook URL",
  BounceHookUrl: "Bounce webhook URL (legacy)",
  OpenHookUrl: "Open webhook URL (legacy)",
  DeliveryHookUrl: "Delivery webhook URL (legacy)",
  ClickHookUrl: "Click webhook URL (legacy)",
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-lg border bg-card p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

function Toggle({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <Label htmlFor={id}>{label}</Label>
        {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      </div>
      <Switch id={id} checked={checked} onCheckedChange={onChange} disabled={disabled} />
    </div>
  );
}

/** The current server's settings from server.get; saving sends only what changed to server.update. */
export function ServerSettingsForm({ config, serverId }: { config: ServerConfig; serverId: number | null }) {
  const initial = settingsOf(config);
  const [v, setV] = useState<ServerSettings>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [review, setReview] = useState<{ body: ServerUpdateBody; changes: SettingChange[] } | undefined>();
  const update = useUpdateCurrentServer(serverId);
  const can = useCan(serverUpdate);
  const set = <K extends keyof ServerSettings>(k: K, value: ServerSettings[K]) => setV((s) => ({ ...s, [k]: value }));
  const text = (k: keyof ServerSettings) => ({
    id: `server-${k}`,
    value: String(v[k]),
    disabled: !can.allowed,
    "aria-invalid": !!errors[k],
    autoComplete: "off",
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as never),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = settingsChanges(initial, v, config);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    // What will change is shown first; saving happens from the review.
    setReview({ body: r.body, changes: r.changes });
  };
  const save = () => {
    if (!review) return;
    update.mutate(
      { body: review.body },
      { onSuccess: (c) => notify.success(`Saved the settings of ${c.Name ?? "the server"}.`) },
    );
    setReview(undefined);
  };
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" data-testid="server-settings">
      <Section title="General">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="server-Name" label="Name" error={errors.Name}>
            <Input {...text("Name")} />
          </FormField>
          <FormField id="server-Color" label="Colour" error={errors.Color}>
            <Select value={v.Color} onValueChange={(c) => set("Color", c)} disabled={!can.allowed}>
              <SelectTrigger id="server-Color">
                <SelectValue placeholder="Colour" />
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
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Delivery</dt>
          <dd>{config.DeliveryType ?? "—"}</dd>
          <dt className="text-muted-foreground">API tokens</dt>
          <dd className="text-muted-foreground">Kept on the Mailroom server; never shown here.</dd>
        </dl>
        <Toggle
          id="server-SmtpApiActivated"
          label="SMTP API"
          hint="Send through SMTP as well as the HTTP API"
          checked={v.SmtpApiActivated}
          onChange={(c) => set("SmtpApiActivated", c)}
          disabled={!can.allowed}
        />
        <Toggle
          id="server-EnableSmtpApiErrorHooks"
          label="SMTP API errors as bounce webhooks"
          hint="Messages refused over SMTP are reported to the bounce webhook"
          checked={v.EnableSmtpApiErrorHooks}
          onChange={(c) => set("EnableSmtpApiErrorHooks", c)}
          disabled={!can.allowed}
        />
      </Section>
      <Section title="Tracking">
        <Toggle
          id="server-TrackOpens"
          label="Track opens"
          checked={v.TrackOpens}
          onChange={(c) => set("TrackOpens", c)}
          disabled={!can.allowed}
        />
        <Toggle
          id="server-PostFirstOpenOnly"
          label="Post only the first open"
          hint="The open webhook fires once per message"
          checked={v.PostFirstOpenOnly}
          onChange={(c) => set("PostFirstOpenOnly", c)}
          disabled={!can.allowed}
        />
        <FormField id="server-TrackLinks" label="Track links" error={errors.TrackLinks}>
          <Select value={v.TrackLinks} onValueChange={(c) => set("TrackLinks", c)} disabled={!can.allowed}>
            <SelectTrigger id="server-TrackLinks">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {trackLinkOptions.map((t) => (
                <SelectItem key={t} value={t}>
                  {t}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
      </Section>
      <Section title="Webhook content">
        <Toggle
          id="server-RawEmailEnabled"
          label="Raw email in inbound webhooks"
          hint="Adds the full MIME source of each inbound message to the inbound webhook"
          checked={v.RawEmailEnabled}
          onChange={(c) => set("RawEmailEnabled", c)}
          disabled={!can.allowed}
        />
        <Toggle
          id="server-IncludeBounceContentInHook"
          label="Bounce content in bounce webhooks"
          hint="Adds the bounced message's content to bounce webhooks"
          checked={v.IncludeBounceContentInHook}
          onChange={(c) => set("IncludeBounceContentInHook", c)}
          disabled={!can.allowed}
        />
      </Section>
      <Section title="Inbound">
        {config.InboundAddress && (
          <div className="min-w-0">
            <p className="text-sm font-medium">Inbound address</p>
            <div className="flex items-center gap-1">
              <code className="min-w-0 flex-1 rounded bg-muted px-2 py-1.5 font-mono text-xs break-all">
                {config.InboundAddress}
              </code>
              <CopyButton value={config.InboundAddress} label="inbound address" />
            </div>
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="server-InboundDomain"
            label="Inbound domain"
            error={errors.InboundDomain}
            hint="Optional: its MX must point at inbound.postmarkapp.com"
          >
            <Input {...text("InboundDomain")} />
          </FormField>
          <FormField
            id="server-InboundSpamThreshold"
            label="Spam threshold"
            error={errors.InboundSpamThreshold}
            hint="0 turns spam filtering off"
          >
            <Select
              value={String(v.InboundSpamThreshold)}
              onValueChange={(c) => set("InboundSpamThreshold", Number(c))}
              disabled={!can.allowed}
            >
              <SelectTrigger id="server-InboundSpamThreshold">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {spamThresholds.map((t) => (
                  <SelectItem key={t} value={String(t)}>
                    {t}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
        </div>
      </Section>
      <Section title="Webhook URLs">
        <p className="text-xs text-muted-foreground">
          Outbound events are better configured per stream on the Webhooks page; these are the server-wide legacy hooks.
        </p>
        {hookFields.map((k) => (
          <FormField
            key={k}
            id={`server-${k}`}
            label={hookLabels[k]}
            error={errors[k]}
            hint={
              v[k].includes(SECRET_MASK)
                ? "The password in this URL is hidden; leave the dots to keep it, or type a new one."
                : undefined
            }
          >
            <Input type="url" placeholder="https://" {...text(k)} />
          </FormField>
        ))}
      </Section>
      {errors._form && (
        <p role="alert" className="text-sm text-muted-foreground">
          {errors._form}
        </p>
      )}
      {update.isError && <ActionError error={update.error} testId="server-save-error" />}
      {!can.allowed && <p className="text-sm text-muted-foreground">{can.reason}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={!can.allowed || update.isPending}>
          {update.isPending ? "Saving…" : "Review changes"}
        </Button>
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            setV(initial);
            setErrors({});
            update.reset();
          }}
        >
          Reset
        </Button>
      </div>
      <ServerSettingsDiff
        changes={review?.changes}
        serverName={config.Name ?? "the server"}
        onCancel={() => setReview(undefined)}
        onSave={save}
      />
    </form>
  );
}
