import { ActionError } from "@/web/components/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { notify } from "@/web/lib/toast";
import { saveConnectionRequest, type ConnectionStatus } from "@/contract/api/settings";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { Input } from "@/web/components/ui/input";
import { Skeleton } from "@/web/components/ui/skeleton";
import { isApiError } from "@/web/lib/api-error";
import { fieldErrors } from "@/web/lib/form-errors";
import { connectionQuery, forgetConnection, saveConnection } from "../settings-api";

const sourceLabel = {
  env: "environment variable",
  saved: "saved in Mailroom",
  sandbox: "sandbox",
  none: "not set",
} as const;

function TokenRow({ label, status }: { label: string; status: ConnectionStatus["accountToken"] }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="text-sm">{label}</span>
      <span className="flex items-center gap-2 text-sm">
        <Badge variant={status.source === "none" ? "outline" : status.source === "sandbox" ? "warning" : "secondary"}>
          {sourceLabel[status.source]}
        </Badge>
        {status.hint && <span className="font-mono text-xs text-muted-foreground">…{status.hint}</span>}
      </span>
    </div>
  );
}

export function ConnectionPanel() {
  const queryClient = useQueryClient();
  const status = useQuery({ ...connectionQuery, meta: { silent: true } });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [forgetting, setForgetting] = useState(false);
  // The mode, the servers and every Postmark answer depend on the connection.
  const afterChange = (next: ConnectionStatus) => {
    queryClient.setQueryData(connectionQuery.queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ["health"] });
    void queryClient.invalidateQueries({ queryKey: ["servers"] });
    queryClient.removeQueries({ queryKey: ["postmark"] });
  };
  const save = useMutation({
    mutationFn: saveConnection,
    meta: { silent: true },
    onSuccess: (next) => {
      afterChange(next);
      setErrors({});
      notify.success(`Connected: now ${next.mode === "live" ? "live" : "in sandbox mode"}`);
    },
  });
  const forget = useMutation({
    mutationFn: forgetConnection,
    onSuccess: (next) => {
      afterChange(next);
      notify.success("Saved tokens forgotten");
    },
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = String(data.get(k) ?? "").trim();
      return v === "" ? undefined : v;
    };
    const parsed = saveConnectionRequest.safeParse({
      accountToken: text("accountToken"),
      serverToken: text("serverToken"),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    save.mutate(parsed.data);
  };

  if (status.isPending) return <Skeleton className="h-48" />;
  if (status.isError)
    return (
      <ErrorState title="Could not load the connection" error={status.error} onRetry={() => void status.refetch()} />
    );
  const s = status.data;
  const hasSaved = s.accountToken.source === "saved" || s.serverToken.source === "saved";

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            Status{" "}
            <Badge variant={s.mode === "sandbox" ? "warning" : "success"}>
              {s.mode === "sandbox" ? "Sandbox" : "Live"}
            </Badge>
          </CardTitle>
          <CardDescription className="break-all">
            Upstream: <span className="font-mono">{s.upstream}</span>
          </CardDescription>
        </CardHeader>
        <CardContent className="divide-y">
          <TokenRow label="Account token" status={s.accountToken} />
          <TokenRow label="Server token" status={s.serverToken} />
          <div className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>Default server</span>
            <span className="font-mono text-xs">{s.defaultServerId ?? "—"}</span>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Connect to Postmark</CardTitle>
          <CardDescription>
            Mailroom checks the tokens with Postmark before saving them, encrypted. A saved token is never shown again
            in full. Tokens set by environment variables take precedence.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form noValidate onSubmit={submit} className="flex flex-col gap-4">
            <FormField
              id="accountToken"
              label="Account token"
              error={errors.accountToken}
              hint="Needed for servers, domains, senders and data removals"
            >
              <Input
                id="accountToken"
                name="accountToken"
                type="password"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={!!errors.accountToken}
              />
            </FormField>
            <FormField
              id="serverToken"
              label="Server token"
              error={errors.serverToken}
              hint="The default server's token; optional with an account token"
            >
              <Input
                id="serverToken"
                name="serverToken"
                type="password"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={!!errors.serverToken}
              />
            </FormField>
            {errors._form && (
              <p role="alert" className="text-sm text-destructive">
                {errors._form}
              </p>
            )}
            {save.isError && isApiError(save.error) && <ActionError error={save.error} />}
            <div className="flex flex-col gap-2 sm:flex-row">
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? "Checking with Postmark…" : "Check and save"}
              </Button>
              {hasSaved && (
                <Button type="button" variant="outline" onClick={() => setForgetting(true)}>
                  Forget saved tokens
                </Button>
              )}
            </div>
          </form>
        </CardContent>
      </Card>
      <ConfirmDialog
        open={forgetting}
        onOpenChange={setForgetting}
        title="Forget the saved Postmark tokens?"
        description="Mailroom goes back to the environment's tokens, or to the sandbox when there are none."
        confirmLabel="Forget tokens"
        onConfirm={() => forget.mutate()}
      />
    </div>
  );
}
