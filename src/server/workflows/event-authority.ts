import type { Role } from "../../contract/api/auth";
import { matchesWorkflow } from "../../contract/workflows/index";
import { requesterRefusal } from "./authority";
import type { EngineEvent } from "./engine-event";
import type { DocFor } from "./workflow-docs";
import type { WorkflowsRepo } from "./workflows-repo";

/**
 * Why `role` may not bring this event in by hand (a test event), or null. Its runs start at the
 * requester's word, as a re-run does: every enabled workflow it would start must hold no step that
 * runs without approval and that the requester could not call directly.
 */
export async function eventRefusal(
  deps: { workflows: WorkflowsRepo; docFor: DocFor },
  event: EngineEvent,
  role: Role,
): Promise<string | null> {
  for (const w of await deps.workflows.enabled(event.trigger)) {
    const doc = await deps.docFor(w.versionId);
    const incoming = { type: event.trigger, payload: event.payload, serverId: event.serverId, stream: event.stream };
    if (!matchesWorkflow(doc, incoming)) continue;
    const refusal = requesterRefusal(doc, role, false);
    if (refusal) {
      const name = (await deps.workflows.get(w.workflowId))?.name ?? `#${w.workflowId}`;
      return `it would start the workflow "${name}": ${refusal}`;
    }
  }
  return null;
}
