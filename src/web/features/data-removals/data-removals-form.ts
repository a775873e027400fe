import { dataRemovalsCreate } from "@/contract/postmark/data-removals";
import { fieldErrors } from "@/web/lib/form-errors";

export interface RemovalFormInput {
  RequestedBy: string;
  RequestedFor: string;
  NotifyWhenCompleted: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The catalog's body schema first (the same one the proxy applies), then what Postmark would refuse
 * with ErrorCode 1300: both addresses must be email addresses.
 */
export function validateRemovalForm(input: RemovalFormInput):
  { ok: true; body: { RequestedBy: string; RequestedFor: string; NotifyWhenCompleted: boolean } } | { ok: false; errors: Record<string, string> } {
  const trimmed = { ...input, RequestedBy: input.RequestedBy.trim(), RequestedFor: input.RequestedFor.trim() };
  const parsed = dataRemovalsCreate.body.safeParse(trimmed);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const errors: Record<string, string> = {};
  if (!EMAIL.test(trimmed.RequestedBy)) errors.RequestedBy = "Enter the email address of the person asking (you or your DPO).";
  if (!EMAIL.test(trimmed.RequestedFor)) errors.RequestedFor = "Enter the email address whose data should be erased.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { RequestedBy: trimmed.RequestedBy, RequestedFor: trimmed.RequestedFor, NotifyWhenCompleted: trimmed.NotifyWhenCompleted } };
}
