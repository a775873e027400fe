import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellOff, BellRing } from "lucide-react";
import type { NotificationPreferences } from "@/contract/api/notifications";
import { ErrorState } from "@/web/components/error-state";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Switch } from "@/web/components/ui/switch";
import { describeError } from "@/web/lib/api-error";
import { disablePush, enablePush, pushSupport } from "@/web/lib/push";
import { notify } from "@/web/lib/toast";
import { deviceSubscriptionQuery, notificationPreferencesQuery, savePreferences } from "./notifications-api";

const kinds: { key: keyof NotificationPreferences; title: string; text: string }[] = [
  { key: "approvals", title: "Approvals", text: "A workflow step waits for your approval. Tapping opens the item." },
  { key: "runFailures", title: "Failed runs", text: "A workflow run ended in failure." },
  {
    key: "intakeAlerts",
    title: "Webhook intake",
    text: "Mailroom refused webhook posts (wrong credentials): events may be lost.",
  },
  {
    key: "healthAlerts",
    title: "Health alerts",
    text: "An alert rule fired (bounce or spam rate, stopped webhooks, waiting approvals), once per breach with a reminder while it lasts.",
  },
];

export function NotificationsPanel() {
  const queryClient = useQueryClient();
  const support = pushSupport();
  const prefs = useQuery(notificationPreferencesQuery);
  const device = useQuery({ ...deviceSubscriptionQuery, enabled: support.supported });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ["notifications"] })]);
  const enable = useMutation({
    mutationFn: enablePush,
    meta: { silent: true },
    onSuccess: () => {
      notify.success("Notifications are on for this device");
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: disablePush,
    meta: { silent: true },
    onSuccess: () => {
      notify.success("Notifications are off for this device");
      void refresh();
    },
  });
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: (res) => queryClient.setQueryData(notificationPreferencesQuery.queryKey, res),
  });
  const subscribed = !!device.data;
  const busy = enable.isPending || disable.isPending;
  const pushOff = prefs.data?.pushEnabled === false;

  return (
    <div className="grid gap-4" data-testid="notifications-panel">
      <Card>
        <CardHeader>
          <CardTitle>This device</CardTitle>
          <CardDescription>
            Push notifications reach this browser even when Mailroom is closed. Enable them on each phone or computer
            you use.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {!support.supported ? (
            <p className="rounded-md border bg-muted/40 p-3 text-sm" data-testid="push-unsupported">
              {support.reason}
            </p>
          ) : pushOff ? (
            <p className="rounded-md border bg-muted/40 p-3 text-sm">
              Push notifications are turned off on this Mailroom server.
            </p>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              {device.isPending ? (
                <Skeleton className="h-6 w-32" />
              ) : (
                <Badge variant={subscribed ? "success" : "outline"} data-testid="push-state">
                  {subscribed ? "Enabled on this device" : "Not enabled here"}
                </Badge>
              )}
              {subscribed ? (
                <Button variant="outline" disabled={busy} onClick={() => disable.mutate()}>
                  <BellOff aria-hidden />
                  {disable.isPending ? "Turning off…" : "Turn off on this device"}
                </Button>
              ) : (
                <Button disabled={busy || device.isPending} onClick={() => enable.mutate()}>
                  <BellRing aria-hidden />
                  {enable.isPending ? "Asking…" : "Enable on this device"}
                </Button>
              )}
            </div>
          )}
          {(enable.error ?? disable.error) && (
            <p role="alert" className="text-sm break-words text-destructive">
              {describeError(enable.error ?? disable.error)}
            </p>
          )}
          {prefs.data && (
            <p className="text-xs text-muted-foreground">
              You receive notifications on {prefs.data.subscriptions} device{prefs.data.subscriptions === 1 ? "" : "s"}.
            </p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>What to notify you about</CardTitle>
          <CardDescription>Applies to every device you enabled.</CardDescription>
        </CardHeader>
        <CardContent>
          {prefs.isPending ? (
            <div className="grid gap-3">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-10 w-full" />
              ))}
            </div>
          ) : prefs.isError ? (
            <ErrorState
              title="Could not load your preferences"
              error={prefs.error}
              onRetry={() => void prefs.refetch()}
            />
          ) : (
            <ul className="divide-y">
              {kinds.map((k) => (
                <li key={k.key} className="flex items-center justify-between gap-4 py-3">
                  <div className="min-w-0">
                    <label htmlFor={`notify-${k.key}`} className="text-sm font-medium">
                      {k.title}
                    </label>
                    <p className="text-sm text-muted-foreground">{k.text}</p>
                  </div>
                  <Switch
                    id={`notify-${k.key}`}
                    checked={prefs.data.preferences[k.key] ?? false}
                    disabled={save.isPending}
                    onCheckedChange={(on) => save.mutate({ ...prefs.data.preferences, [k.key]: on })}
                  />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
