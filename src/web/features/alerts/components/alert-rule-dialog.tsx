import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AlertRule } from "@/contract/api/alerts";
import { alertKindLabel, alertRuleKinds, type AlertRuleKind } from "@/contract/health/alert-kinds";
import { bounceTypes } from "@/contract/postmark/shared";
import { triggerIds } from "@/contract/postmark/trigger-ids";
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
import { Switch } from "@/web/components/ui/switch";
import { afterAlertsChange, createRule, updateRule } from "@/web/lib/alerts-api";
import { serversQuery } from "@/web/lib/app-queries";
import { describeError } from "@/web/lib/api-error";
import { useOpenCount } from "@/web/lib/open-count";
import { selectedServer } from "@/web/lib/server-selection";
import { emptyRuleForm, formFromRule, ruleFromForm, type RuleFormValues } from "../alert-rule-form";

const selectClass =
  "h-9 w-full min-w-0 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none";
const rateKinds: AlertRuleKind[] = ["bounce-rate", "spam-rate"];
const dayKinds: AlertRuleKind[] = ["bounce-rate", "spam-rate", "bounce-type", "smtp-api-errors"];

/** Creates or edits an alert rule; validated with the same schema the server uses. */
export function AlertRuleDialog({
  open,
  onOpenChange,
  editing,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  editing: AlertRule | null;
}) {
  const servers = useQuery(serversQuery);
  const chosen = selectedServer.use();
  const server = chosen ?? servers.data?.defaultServerId ?? null;
  const opened = useOpenCount(open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <AlertRuleForm
          // A new rule starts on the chosen (or default) server, known once the server list is in.
          key={`${opened}:${editing?.id ?? `new:${server}`}`}
          onOpenChange={onOpenChange}
          editing={editing}
          server={server}
        />
      </DialogContent>
    </Dialog>
  );
}

/** The form, mounted afresh for each opening and each rule. */
function AlertRuleForm({
  onOpenChange,
  editing,
  server,
}: {
  onOpenChange: (open: boolean) => void;
  editing: AlertRule | null;
  server: number | null;
}) {
  const qc = useQueryClient();
  const servers = useQuery(serversQuery);
  const [v, setV] = useState<RuleFormValues>(() => (editing ? formFromRule(editing.rule) : emptyRuleForm(server)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (r: ReturnType<typeof ruleFromForm>["rule"] & object) =>
      editing ? updateRule(editing.id, r) : createRule(r),
    meta: { silent: true },
    onSuccess: () => {
      void afterAlertsChange(qc);
      onOpenChange(false);
    },
  });
  const set = (patch: Partial<RuleFormValues>) => setV((old) => ({ ...old, ...patch }));
  const submit = () => {
    const r = ruleFromForm(v);
    if (r.errors) return setErrors(r.errors);
    setErrors({});
    save.mutate(r.rule);
  };
  const field = (id: keyof RuleFormValues) => ({ id: `rule-${id}`, error: errors[id] });

  return (
    <>
      <DialogHeader>
        <DialogTitle>{editing ? "Edit alert rule" : "New alert rule"}</DialogTitle>
        <DialogDescription>
          Checked every minute or so by the server; a breach opens an alert and notifies once, with a reminder while it
          lasts.
        </DialogDescription>
      </DialogHeader>
      <form
        className="grid gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormField label="Name" required {...field("name")}>
          <Input
            id="rule-name"
            value={v.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-invalid={!!errors.name}
          />
        </FormField>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="What to watch" {...field("kind")}>
            <select
              id="rule-kind"
              className={selectClass}
              value={v.kind}
              onChange={(e) => set({ kind: e.target.value as AlertRuleKind })}
            >
              {alertRuleKinds.map((k) => (
                <option key={k} value={k}>
                  {alertKindLabel[k]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Server" required {...field("serverId")}>
            <select
              id="rule-serverId"
              className={selectClass}
              value={v.serverId}
              onChange={(e) => set({ serverId: e.target.value })}
              aria-invalid={!!errors.serverId}
            >
              <option value="">Choose…</option>
              {(servers.data?.servers ?? []).map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        {v.kind !== "approvals-waiting" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Stream" hint="Any stream when empty" {...field("stream")}>
              <Input
                id="rule-stream"
                value={v.stream}
                onChange={(e) => set({ stream: e.target.value })}
                placeholder="outbound"
              />
            </FormField>
            <FormField label="Tag" hint="Any tag when empty" {...field("tag")}>
              <Input id="rule-tag" value={v.tag} onChange={(e) => set({ tag: e.target.value })} />
            </FormField>
          </div>
        )}
        {rateKinds.includes(v.kind) && (
          <FormField label="Fire at" hint="The verdict thresholds below decide the levels" {...field("level")}>
            <select
              id="rule-level"
              className={selectClass}
              value={v.level}
              onChange={(e) => set({ level: e.target.value as "warning" | "critical" })}
            >
              <option value="critical">Critical</option>
              <option value="warning">Warning or worse</option>
            </select>
          </FormField>
        )}
        {v.kind === "bounce-type" && (
          <FormField label="Bounce type" {...field("bounceType")}>
            <select
              id="rule-bounceType"
              className={selectClass}
              value={v.bounceType}
              onChange={(e) => set({ bounceType: e.target.value })}
            >
              {bounceTypes
                .filter(([t]) => t !== "SpamComplaint")
                .map(([t, , label]) => (
                  <option key={t} value={t}>
                    {label} ({t})
                  </option>
                ))}
            </select>
          </FormField>
        )}
        {(v.kind === "bounce-type" || v.kind === "smtp-api-errors") && (
          <FormField label="At least" hint="Fires when the count in the window reaches this" {...field("atLeast")}>
            <Input
              id="rule-atLeast"
              inputMode="numeric"
              value={v.atLeast}
              onChange={(e) => set({ atLeast: e.target.value })}
              aria-invalid={!!errors.atLeast}
            />
          </FormField>
        )}
        {v.kind === "webhook-silence" && (
          <FormField label="Trigger" {...field("trigger")}>
            <select
              id="rule-trigger"
              className={selectClass}
              value={v.trigger}
              onChange={(e) => set({ trigger: e.target.value })}
            >
              {triggerIds.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </FormField>
        )}
        {(v.kind === "webhook-silence" || v.kind === "approvals-waiting") && (
          <FormField
            label="Minutes"
            hint={
              v.kind === "webhook-silence"
                ? "No event of the trigger for this long while messages are sent"
                : "An approval waits longer than this"
            }
            {...field("minutes")}
          >
            <Input
              id="rule-minutes"
              inputMode="numeric"
              value={v.minutes}
              onChange={(e) => set({ minutes: e.target.value })}
              aria-invalid={!!errors.minutes}
            />
          </FormField>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          {dayKinds.includes(v.kind) && (
            <FormField
              label="Window (days)"
              hint="1 is today so far (Postmark counts US Eastern days)"
              {...field("windowDays")}
            >
              <Input
                id="rule-windowDays"
                inputMode="numeric"
                value={v.windowDays}
                onChange={(e) => set({ windowDays: e.target.value })}
                aria-invalid={!!errors.windowDays}
              />
            </FormField>
          )}
          <FormField label="Remind after (minutes)" hint="While still firing" {...field("remindAfterMinutes")}>
            <Input
              id="rule-remindAfterMinutes"
              inputMode="numeric"
              value={v.remindAfterMinutes}
              onChange={(e) => set({ remindAfterMinutes: e.target.value })}
              aria-invalid={!!errors.remindAfterMinutes}
            />
          </FormField>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={v.enabled} onCheckedChange={(on) => set({ enabled: on })} aria-label="Enabled" />
          Enabled
        </label>
        {(errors._form || save.error) && (
          <p role="alert" className="text-sm break-words text-destructive">
            {errors._form ?? describeError(save.error)}
          </p>
        )}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : editing ? "Save rule" : "Create rule"}
          </Button>
        </DialogFooter>
      </form>
    </>
  );
}
