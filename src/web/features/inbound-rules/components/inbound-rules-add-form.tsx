import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ActionError } from "@/web/components/action-error";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { notify } from "@/web/lib/toast";
import { inboundRulesCreate } from "../inbound-rules-api";
import { ruleInput } from "../inbound-rules-shaping";

/** One line: an address or a domain; Postmark's own answer (813, 810) shows under it. */
export function InboundRulesAddForm({
  serverId,
  disabledReason,
}: {
  serverId: number | null;
  disabledReason?: string;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [localError, setLocalError] = useState<string>();
  const create = useMutation({
    ...postmarkMutationOptions(inboundRulesCreate, serverId, queryClient),
    meta: { silent: true },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ruleInput(text);
    if ("error" in parsed) {
      setLocalError(parsed.error);
      return;
    }
    const body = inboundRulesCreate.body.safeParse({ Rule: parsed.rule });
    if (!body.success) {
      setLocalError(body.error.issues[0]?.message);
      return;
    }
    setLocalError(undefined);
    create.mutate(
      { body: body.data },
      {
        onSuccess: (row) => {
          setText("");
          notify.success(`Inbound mail from ${row.Rule} is now blocked`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border bg-card p-4" aria-label="Add a rule">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <FormField
            id="inbound-rule"
            label="Block an address or a domain"
            error={localError}
            hint="spam@example.com blocks one sender; example.com blocks the whole domain."
          >
            <Input
              id="inbound-rule"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="spam@example.com or example.com"
              autoComplete="off"
              aria-invalid={Boolean(localError)}
            />
          </FormField>
        </div>
        <Button
          type="submit"
          disabled={create.isPending || Boolean(disabledReason)}
          title={disabledReason}
          className="sm:mb-[1.625rem]"
        >
          <Plus aria-hidden />
          {create.isPending ? "Adding…" : "Add rule"}
        </Button>
      </div>
      {create.isError && <ActionError error={create.error} title="Postmark refused the rule" />}
      {disabledReason && <p className="text-xs text-muted-foreground">{disabledReason}</p>}
    </form>
  );
}
