import { Eye, EyeOff } from "lucide-react";
import { useState, type ReactNode } from "react";
import type { WebhookCredentials } from "@/contract/api/events";
import { CopyButton } from "@/web/components/copy-button";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";

function Row({
  label,
  children,
  copy,
}: {
  label: string;
  children: ReactNode;
  copy?: { value: string; label: string };
}) {
  return (
    <div className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-3">
      <span className="w-28 shrink-0 text-sm text-muted-foreground">{label}</span>
      <span className="flex min-w-0 flex-1 items-center gap-1">
        <span className="min-w-0 flex-1 font-mono text-xs break-all">{children}</span>
        {copy && <CopyButton value={copy.value} label={copy.label} />}
      </span>
    </div>
  );
}

/** What Postmark must call: the URL and the basic-auth credentials, password masked until asked. */
export function WebhookWiringCredentials({
  credentials,
  webhookUrl,
}: {
  credentials: WebhookCredentials;
  webhookUrl: string | null;
}) {
  const [reveal, setReveal] = useState(false);
  const url = webhookUrl ?? credentials.url;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2 text-base">
          Where Postmark posts events
          <Badge variant="secondary">
            {credentials.source === "env" ? "from environment" : "generated at first start"}
          </Badge>
        </CardTitle>
        <CardDescription>
          Every webhook of every stream, and the server's inbound hook, must call this URL with HTTP basic auth. "Wire
          missing triggers" below sets it up for you.
        </CardDescription>
      </CardHeader>
      <CardContent className="divide-y">
        <Row label="URL" copy={{ value: url, label: "webhook URL" }}>
          {url}
        </Row>
        <Row label="Username" copy={{ value: credentials.username, label: "username" }}>
          {credentials.username}
        </Row>
        <div className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-3">
          <span className="w-28 shrink-0 text-sm text-muted-foreground">Password</span>
          <span className="flex min-w-0 flex-1 items-center gap-1">
            <span className="min-w-0 flex-1 font-mono text-xs break-all" data-testid="webhook-password">
              {reveal ? credentials.password : "•".repeat(12)}
            </span>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-8"
              aria-label={reveal ? "Hide password" : "Show password"}
              aria-pressed={reveal}
              onClick={() => setReveal(!reveal)}
            >
              {reveal ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
            </Button>
            <CopyButton value={credentials.password} label="password" />
          </span>
        </div>
        <p className="pt-2 text-xs text-muted-foreground">
          Instead of basic auth, a caller may send the password in the{" "}
          <code className="font-mono">{credentials.secretHeader}</code> header. Set WEBHOOK_USERNAME and
          WEBHOOK_PASSWORD to choose your own.
        </p>
      </CardContent>
    </Card>
  );
}
