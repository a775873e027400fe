import type { WorkflowTriggerId } from "./trigger-ids";
import { evaluateConditions } from "./conditions";
import type { WorkflowDocument } from "./schema";

export interface IncomingEvent {
  type: WorkflowTriggerId;
  payload: unknown;
  /** Server the event came from; read from the payload's ServerID when absent. */
  serverId?: number | null;
  /** Stream the event belongs to; read from the payload's MessageStream when absent. */
  stream?: string | null;
}

/** Whether an event starts a run of this workflow: trigger type, scope, then trigger conditions. */
export function matchesWorkflow(doc: Pick<WorkflowDocument, "trigger" | "scope">, event: IncomingEvent): boolean {
  if (doc.trigger.type !== event.type) return false;
  const payload = (typeof event.payload === "object" && event.payload !== null ? event.payload : {}) as Record<
    string,
    unknown
  >;
  const serverId = event.serverId ?? (typeof payload.ServerID === "number" ? payload.ServerID : null);
  const stream = event.stream ?? (typeof payload.MessageStream === "string" ? payload.MessageStream : null);
  const scope = doc.scope;
  // An empty list means "no restriction", same as an absent one; an unknown server or stream never matches a restriction.
  if (scope?.serverIds?.length && (serverId === null || !scope.serverIds.includes(serverId))) return false;
  if (
    scope?.streams?.length &&
    (stream === null || !scope.streams.some((s) => s.toLowerCase() === stream.toLowerCase()))
  )
    return false;
  return evaluateConditions(doc.trigger.conditions, event.payload);
}
