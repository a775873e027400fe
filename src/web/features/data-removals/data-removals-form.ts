import { createDataRemovalRequest, type CreateDataRemovalRequest } from "@/contract/api/data-removals";
import { fieldErrors } from "@/web/lib/form-errors";

export interface RemovalFormInput {
  RequestedBy: string;
  RequestedFor: string;
  NotifyWhenCompleted: boolean;
}

/** The same schema /api/data-removals applies, so the form says first what the server would refuse. */
export function validateRemovalForm(
  input: RemovalFormInput,
): { ok: true; body: CreateDataRemovalRequest } | { ok: false; errors: Record<string, string> } {
  const parsed = createDataRemovalRequest.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, body: parsed.data };
}
