import { operations } from "@/contract/postmark";
import type { OperationSpec } from "@/contract/postmark/operation";
import type { PostmarkInput } from "@/web/lib/operation-request";

type Op = Pick<OperationSpec, "id" | "risk" | "invalidates">;

/** Whether a successful call changes the account's server list (the switcher's names). */
export function changesServerList(op: Op): boolean {
  return op.risk !== "read" && op.invalidates.includes("servers");
}

/** Deletes whose area pages ask for the typed name: the read that finds the name, and the field holding it. */
const typedNameDeletes = {
  "domains.delete": { lookup: operations["domains.get"], param: "domainid", field: "Name" },
  "senders.delete": { lookup: operations["senders.get"], param: "signatureid", field: "EmailAddress" },
  "servers.delete": { lookup: operations["servers.get"], param: "serverid", field: "Name" },
} as const;

export interface NameLookup {
  lookup: (typeof typedNameDeletes)[keyof typeof typedNameDeletes]["lookup"];
  input: PostmarkInput;
  field: string;
}

/** For a delete that must be confirmed by typing the thing's name: how to read that name. */
export function nameLookupFor(op: Pick<OperationSpec, "id">, input: PostmarkInput): NameLookup | null {
  const spec = (typedNameDeletes as Record<string, (typeof typedNameDeletes)[keyof typeof typedNameDeletes]>)[op.id];
  if (!spec) return null;
  const id = input.params?.[spec.param];
  if (id === undefined || id === null || id === "") return null;
  return { lookup: spec.lookup, input: { params: { [spec.param]: id } }, field: spec.field };
}

/** The name read back, when the answer has it as non-empty text. */
export function nameFrom(answer: unknown, field: string): string | null {
  if (typeof answer !== "object" || answer === null) return null;
  const v = (answer as Record<string, unknown>)[field];
  return typeof v === "string" && v.trim() ? v : null;
}
