import { streamsCreate, streamsUpdate } from "@/contract/postmark/streams";
import { streamIdParam } from "@/contract/postmark/shared";
import { fieldErrors } from "@/web/lib/form-errors";
import type { StreamType } from "./streams-search";

export const unsubscribeTypes = ["None", "Postmark", "Custom"] as const;
export type UnsubscribeType = (typeof unsubscribeTypes)[number];

export interface Stream {
  ID: string | null;
  Name: string | null;
  Description: string | null;
  MessageStreamType: string | null;
  CreatedAt: string | null;
  UpdatedAt?: string | null;
  ArchivedAt?: unknown;
  ExpectedPurgeDate?: unknown;
  SubscriptionManagementConfiguration: { UnsubscribeHandlingType: string | null };
}

export interface StreamForm {
  ID: string;
  Name: string;
  MessageStreamType: StreamType;
  Description: string;
  UnsubscribeHandlingType: UnsubscribeType;
}

export const typeLabel: Record<StreamType, string> = {
  Transactional: "Transactional",
  Broadcasts: "Broadcast",
  Inbound: "Inbound",
};

/** Only broadcast streams may choose how unsubscribes are handled; the others are always "None". */
export function unsubscribeChoices(type: string | null): readonly UnsubscribeType[] {
  return type === "Broadcasts" ? unsubscribeTypes : ["None"];
}

export function isArchived(s: Pick<Stream, "ArchivedAt">): boolean {
  return typeof s.ArchivedAt === "string" && s.ArchivedAt !== "";
}

/** Defaults that Postmark will not archive (it answers 1229). */
export function isDefaultStream(s: Pick<Stream, "ID">): boolean {
  return s.ID === "outbound" || s.ID === "inbound";
}

/** Live streams first, then by type and ID, so the defaults lead. */
export function sortStreams<S extends Stream>(streams: readonly S[]): S[] {
  const order: Record<string, number> = { Transactional: 0, Broadcasts: 1, Inbound: 2 };
  return [...streams].sort(
    (a, b) =>
      Number(isArchived(a)) - Number(isArchived(b)) ||
      (order[a.MessageStreamType ?? ""] ?? 9) - (order[b.MessageStreamType ?? ""] ?? 9) ||
      (a.ID ?? "").localeCompare(b.ID ?? ""),
  );
}

type Result<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

function commonErrors(form: Pick<StreamForm, "Name" | "Description">): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.Name.trim()) errors.Name = "A name is required.";
  else if (form.Name.trim().length > 100) errors.Name = "At most 100 characters.";
  if (form.Description.length > 1000) errors.Description = "At most 1000 characters.";
  return errors;
}

/** The streams.create body for the form, checked with the catalog's schema plus Postmark's documented rules. */
export function createStreamBody(form: StreamForm): Result<ReturnType<typeof streamsCreate.body.parse>> {
  const errors = commonErrors(form);
  const id = streamIdParam.safeParse(form.ID.trim());
  if (!id.success)
    errors.ID = form.ID.trim()
      ? "Letter first, then lowercase letters, digits, - and _ (30 at most)."
      : "An ID is required.";
  else if (id.data !== id.data.toLowerCase()) errors.ID = "Lowercase letters only.";
  else if (id.data.startsWith("pm-")) errors.ID = "IDs starting with pm- are reserved by Postmark.";
  const parsed = streamsCreate.body.safeParse({
    ID: form.ID.trim(),
    Name: form.Name.trim(),
    MessageStreamType: form.MessageStreamType,
    ...(form.Description.trim() ? { Description: form.Description.trim() } : {}),
    ...(form.MessageStreamType === "Broadcasts"
      ? { SubscriptionManagementConfiguration: { UnsubscribeHandlingType: form.UnsubscribeHandlingType } }
      : {}),
  });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** The streams.update (PATCH) body: only what changed. */
export function updateStreamBody(
  stream: Stream,
  form: StreamForm,
): Result<ReturnType<typeof streamsUpdate.body.parse>> {
  const errors = commonErrors(form);
  const patch: Record<string, unknown> = {};
  if (form.Name.trim() !== (stream.Name ?? "")) patch.Name = form.Name.trim();
  if (form.Description.trim() !== (stream.Description ?? "")) patch.Description = form.Description.trim();
  if (
    stream.MessageStreamType === "Broadcasts" &&
    form.UnsubscribeHandlingType !== stream.SubscriptionManagementConfiguration.UnsubscribeHandlingType
  ) {
    patch.SubscriptionManagementConfiguration = { UnsubscribeHandlingType: form.UnsubscribeHandlingType };
  }
  const parsed = streamsUpdate.body.safeParse(patch);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

export function formFor(stream?: Stream): StreamForm {
  const type = (stream?.MessageStreamType ?? "Transactional") as StreamType;
  return {
    ID: stream?.ID ?? "",
    Name: stream?.Name ?? "",
    MessageStreamType: type,
    Description: stream?.Description ?? "",
    UnsubscribeHandlingType: (stream?.SubscriptionManagementConfiguration.UnsubscribeHandlingType ??
      (type === "Broadcasts" ? "Postmark" : "None")) as UnsubscribeType,
  };
}
