import { workflowDocument, type WorkflowDocumentInput } from "@/contract/workflows";
import { formatIssuePath } from "@/contract/workflows";

export type ImportResult = { ok: true; doc: WorkflowDocumentInput } | { ok: false; errors: string[] };

/** Reads an exported file: JSON first, then the document schema; every issue is listed with where it is. */
export function parseDocumentFile(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The file is not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const parsed = workflowDocument.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => (i.path.length ? `${formatIssuePath(i.path)}: ${i.message}` : i.message)),
    };
  }
  // Keep the file as written (defaults unfilled), as an author would have saved it.
  return { ok: true, doc: raw as WorkflowDocumentInput };
}

export function fileNameFor(doc: WorkflowDocumentInput): string {
  const slug =
    doc.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "workflow";
  return `${slug}.workflow.json`;
}

/** Downloads the document as a file through a temporary link. */
export function downloadDocument(doc: WorkflowDocumentInput): void {
  const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileNameFor(doc);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
