import type { WorkflowTriggerId } from "../../contract/workflows/trigger-ids";
import type { AlertItem } from "../../contract/api/alerts";
import { alertEvent } from "../../contract/workflows/triggers";
import type { EventRow } from "../events/events-repo";
import { asTrigger } from "../events/present";
import type { RunRow } from "./runs-repo";

/**
 * The event a run starts from: a stored one (id) or a synthetic test event (id null). Built only
 * by the functions below, from a stored row, a run, or a test payload.
 */
export interface EngineEvent {
  id: number | null;
  trigger: WorkflowTriggerId;
  serverId: number | null;
  payload: unknown;
  stream?: string | null;
  /** What makes its runs unique per workflow when it has no stored id (an alert: `alert:<id>`). */
  originKey?: string;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** A stored webhook event (from the bus, the catch-up, or a test on a past event); null when it is of no known trigger. */
export function storedEvent(row: EventRow, payload?: unknown): EngineEvent | null {
  const trigger = asTrigger(row.trigger);
  if (trigger === null) return null;
  return {
    id: row.id,
    trigger,
    serverId: row.server_id,
    payload: payload === undefined ? parsed(row.payload) : payload,
    stream: row.message_stream,
  };
}

/** The event an earlier run started from (a re-run). */
export function eventOfRun(run: RunRow): EngineEvent {
  return {
    id: run.event_id,
    trigger: run.trigger as WorkflowTriggerId,
    serverId: run.server_id,
    payload: JSON.parse(run.payload) as unknown,
  };
}

/** A test payload that was never stored: its server is the one asked for, else the payload's own. */
export function syntheticEvent(
  trigger: WorkflowTriggerId,
  payload: Record<string, unknown>,
  serverId?: number | null,
): EngineEvent {
  const sid = payload.ServerID;
  return { id: null, trigger, serverId: serverId ?? (typeof sid === "number" ? sid : null), payload };
}

/** An alert that opened: runs start once per alert and workflow, whichever instance or pass starts them. */
export function alertOpened(a: AlertItem): EngineEvent {
  return {
    id: null,
    trigger: "alert",
    serverId: a.serverId,
    payload: alertEvent(a),
    stream: a.stream,
    originKey: `alert:${a.id}`,
  };
}
