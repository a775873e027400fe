import type { Transaction } from "kysely";
import { workflowDocument, type WorkflowDocument } from "../../contract/workflows/index";
import type { Database } from "../store/schema";
import type { WorkflowsRepo } from "./workflows-repo";

/** Parsed workflow documents by version id. Versions never change once saved, so they can be kept. */
export function createWorkflowDocs(workflows: WorkflowsRepo) {
  const docs = new Map<number, WorkflowDocument>();
  return async function docFor(versionId: number, q?: Transaction<Database>): Promise<WorkflowDocument> {
    const hit = docs.get(versionId);
    if (hit) return hit;
    const row = await workflows.versionById(versionId, q);
    if (!row) throw new Error(`workflow version ${versionId} is missing`);
    const doc = workflowDocument.parse(JSON.parse(row.document));
    if (docs.size > 2000) docs.clear();
    docs.set(versionId, doc);
    return doc;
  };
}
export type DocFor = ReturnType<typeof createWorkflowDocs>;
