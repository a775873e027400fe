import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionError } from "@/web/components/action-error";
import { Send } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { emailSendWithTemplate } from "@/contract/postmark/send";
import { sendersList } from "@/contract/postmark/senders";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { postmarkMutationOptions, postmarkQueryOptions } from "@/web/lib/postmark-queries";

const address = z
  .string()
  .trim()
  .min(1, "An address is required.")
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$|^.*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/, "Not an email address.");

/** Sends the saved template with the test model through email.withTemplate and shows Postmark's answer. */
export function SendTest({
  serverId,
  templateId,
  model,
  dirty,
  canSend,
  reason,
}: {
  serverId: number | null;
  templateId: number;
  model: Record<string, unknown> | undefined;
  dirty: boolean;
  canSend: boolean;
  reason?: string;
}) {
  const queryClient = useQueryClient();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  // Confirmed signatures as suggestions (needs the account token; without one the field is free text).
  const senders = useQuery({
    ...postmarkQueryOptions(sendersList, { query: { count: 100, offset: 0 } }, serverId),
    meta: { silent: true },
    retry: false,
  });
  const confirmed = (senders.data?.SenderSignatures ?? [])
    .filter((s) => s.Confirmed && s.EmailAddress)
    .map((s) => s.EmailAddress!);
  const send = useMutation({
    ...postmarkMutationOptions(emailSendWithTemplate, serverId, queryClient),
    meta: { silent: true },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const f = address.safeParse(from);
    const t = address.safeParse(to);
    setErrors({
      from: f.success ? undefined : f.error.issues[0]!.message,
      to: t.success ? undefined : t.error.issues[0]!.message,
    });
    if (!f.success || !t.success) return;
    const body = emailSendWithTemplate.body.parse({
      TemplateId: templateId,
      TemplateModel: model ?? {},
      From: f.data,
      To: t.data,
      Tag: "mailroom-template-test",
    });
    send.mutate({ body });
  };

  return (
    <form onSubmit={submit} noValidate className="flex min-w-0 flex-col gap-3" aria-label="Send a test">
      <p className="text-sm text-muted-foreground">
        Postmark renders the <strong>saved</strong> template with the test model and sends it to the address you give.
        {dirty && (
          <span className="mt-1 block text-amber-700 dark:text-amber-400" data-testid="send-unsaved-note">
            You have unsaved changes; they are not in this send. Save first to test them.
          </span>
        )}
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <FormField id="test-from" label="From (a confirmed sender)" required error={errors.from}>
          <Input
            id="test-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            placeholder={confirmed[0] ?? "you@example.com"}
            list="test-from-senders"
            autoComplete="email"
            aria-invalid={Boolean(errors.from)}
          />
          <datalist id="test-from-senders">
            {confirmed.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </FormField>
        <FormField id="test-to" label="Send the test to" required error={errors.to}>
          <Input
            id="test-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder="colleague@example.com"
            autoComplete="email"
            aria-invalid={Boolean(errors.to)}
          />
        </FormField>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={!canSend || send.isPending} title={reason}>
          <Send aria-hidden />
          {send.isPending ? "Sending…" : "Send test"}
        </Button>
      </div>
      {send.isError && (
        <ActionError error={send.error} title="Postmark did not send the test" testId="send-test-error" />
      )}
      {send.data && (
        <dl
          className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border p-3 text-sm"
          data-testid="send-test-answer"
          role="status"
        >
          <dt className="text-muted-foreground">ErrorCode</dt>
          <dd className="font-mono">{send.data.ErrorCode}</dd>
          <dt className="text-muted-foreground">Message</dt>
          <dd>{send.data.Message}</dd>
          <dt className="text-muted-foreground">To</dt>
          <dd className="break-all">{send.data.To}</dd>
          <dt className="text-muted-foreground">MessageID</dt>
          <dd className="font-mono break-all">{send.data.MessageID}</dd>
          <dt className="text-muted-foreground">Submitted</dt>
          <dd>{send.data.SubmittedAt}</dd>
        </dl>
      )}
    </form>
  );
}
