import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Textarea } from "@/web/components/ui/textarea";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { suppressionsCreate } from "../suppressions-api";
import { MAX_PER_REQUEST, parseAddresses, withInvalid } from "../suppressions-shape";
import { SuppressionsResults } from "./suppressions-results";

/** Suppress up to 50 addresses on the stream; each address gets its own result. */
export function SuppressionsAdd({ streamId, serverId }: { streamId: string; serverId: number | null }) {
  const user = useSessionUser();
  const allowed = permission(user?.role, suppressionsCreate.risk);
  const qc = useQueryClient();
  const m = useMutation({
    ...postmarkMutationOptions(suppressionsCreate, serverId, qc),
    meta: { silent: true },
  });
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [invalid, setInvalid] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseAddresses(text);
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    setInvalid(parsed.invalid);
    m.mutate({ params: { streamId }, body: parsed.body }, { onSuccess: () => setText("") });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border bg-card p-3" aria-label="Add suppressions">
      <FormField
        id="supp-add"
        label={`Addresses to suppress on ${streamId}`}
        error={error}
        hint={`Up to ${MAX_PER_REQUEST}, separated by commas, spaces or new lines. Invalid ones are listed and the rest go through.`}
      >
        <Textarea
          id="supp-add"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="ana@example.com, ben@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "supp-add-error" : "supp-add-hint"}
        />
      </FormField>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={!allowed.allowed || m.isPending} title={allowed.reason}>
          <Plus aria-hidden /> {m.isPending ? "Suppressing…" : "Suppress"}
        </Button>
        {!allowed.allowed && <span className="text-xs text-muted-foreground">{allowed.reason}</span>}
      </div>
      {m.isError && <ErrorState title="Could not add suppressions" error={m.error} />}
      {m.isSuccess && <SuppressionsResults title="Added" results={withInvalid(m.data.Suppressions, invalid)} />}
    </form>
  );
}
