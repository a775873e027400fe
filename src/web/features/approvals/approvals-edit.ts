import type { z } from "zod";
import type { ApprovalItem, ApproveRequest } from "@/contract/api/approvals";
import { operations } from "@/contract/postmark";
import type { OperationSpec } from "@/contract/postmark/operation";
import { extractFields, type FormField } from "@/web/lib/zod-fields";

export type EditSection = "params" | "query" | "body";

export interface EditableSection {
  section: EditSection;
  label: string;
  /** Pretty JSON of what will be sent now. */
  initial: string;
  /** The catalog's fields, as hints next to the editor. */
  fields: FormField[];
}

const labels: Record<EditSection, string> = { params: "Path parameters", query: "Query", body: "Body" };

export function operationOf(item: Pick<ApprovalItem, "step">): OperationSpec | undefined {
  return (operations as Record<string, OperationSpec>)[item.step.operationId];
}

/** The sections of the item's request that the operation has, prefilled with what would run. */
export function editableSections(item: Pick<ApprovalItem, "step" | "request">): EditableSection[] {
  const op = operationOf(item);
  if (!op) return [];
  const current: Record<EditSection, unknown> = {
    params: item.request.params,
    query: item.request.query,
    body: item.request.body,
  };
  return (["params", "query", "body"] as const)
    .filter((s) => op[s] !== undefined)
    .map((section) => ({
      section,
      label: labels[section],
      initial: JSON.stringify(current[section] ?? {}, null, 2),
      fields: extractFields(op[section] as z.ZodType),
    }));
}

export type EditCheck = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** Parses the edited JSON and validates it against the operation's schema for that section. */
export function checkSection(op: OperationSpec, section: EditSection, text: string): EditCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const schema = op[section] as z.ZodType | undefined;
  if (!schema) return { ok: true, value };
  const res = schema.safeParse(value);
  if (res.success) return { ok: true, value };
  return {
    ok: false,
    errors: res.error.issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`),
  };
}

/** Only the sections the approver changed; nothing changed → null (a plain approval). */
export function buildEdits(
  sections: readonly EditableSection[],
  texts: Record<string, string>,
  op: OperationSpec,
): { edits: ApproveRequest | null; errors: Record<string, string[]> } {
  const edits: ApproveRequest = {};
  const errors: Record<string, string[]> = {};
  for (const s of sections) {
    const text = texts[s.section] ?? s.initial;
    const check = checkSection(op, s.section, text);
    if (!check.ok) {
      errors[s.section] = check.errors;
      continue;
    }
    if (JSON.stringify(check.value) === JSON.stringify(JSON.parse(s.initial))) continue;
    (edits as Record<string, unknown>)[s.section] = check.value;
  }
  return { edits: Object.keys(edits).length ? edits : null, errors };
}
