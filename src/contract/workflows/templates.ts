import type { OperationId } from "../postmark";
import { workflowTriggers, type WorkflowTriggerId } from "./triggers";
import { libraryDocuments, librarySamples } from "./template-library";
import type { WorkflowDocumentInput } from "./schema";

export interface WorkflowTemplate {
  id: string;
  title: string;
  description: string;
  triggers: WorkflowTriggerId[];
  operations: OperationId[];
  /** A document as an author would write it; open it in the editor as a new workflow. */
  document: WorkflowDocumentInput;
  /** An event that satisfies the trigger's conditions: the trigger's example with a few fields changed. */
  sample: Record<string, unknown>;
}

function describeTemplate(id: string, document: WorkflowDocumentInput): WorkflowTemplate {
  const operations = [...new Set(document.steps.flatMap((s) => (s.kind === "action" ? [s.operationId] : [])))];
  const overrides = (librarySamples as Record<string, Record<string, unknown> | undefined>)[id] ?? {};
  const sample = { ...workflowTriggers[document.trigger.type].example, ...overrides };
  return {
    id,
    title: document.name,
    description: document.description ?? "",
    triggers: [document.trigger.type],
    operations,
    document,
    sample,
  };
}

/** The library served at `GET /api/workflow-templates`. */
export const workflowTemplates: WorkflowTemplate[] = Object.entries(libraryDocuments).map(([id, doc]) =>
  describeTemplate(id, doc as WorkflowDocumentInput),
);

export function templatesForTrigger(triggerId: WorkflowTriggerId): WorkflowTemplate[] {
  return workflowTemplates.filter((t) => t.triggers.includes(triggerId));
}

export function templatesForOperation(operationId: OperationId): WorkflowTemplate[] {
  return workflowTemplates.filter((t) => t.operations.includes(operationId));
}

/** A deep copy, so editing a new workflow never changes the library. */
export function instantiateTemplate(id: string): WorkflowDocumentInput | null {
  const found = workflowTemplates.find((t) => t.id === id);
  return found ? (JSON.parse(JSON.stringify(found.document)) as WorkflowDocumentInput) : null;
}
