import type { TriggerId } from "../../contract/postmark/index";
import type { Logger } from "../logger";
import type { EventRow } from "./events-repo";
import { asTrigger } from "./present";

/**
 * A committed webhook event as the server's subscribers see it: its stored row and the full parsed
 * payload. What a browser sees of it is made from this by the live stream (present.ts).
 */
export interface BusEvent {
  id: number;
  trigger: TriggerId | null;
  row: EventRow;
  payload: unknown;
}
export type BusListener = (event: BusEvent) => void | Promise<void>;

/**
 * The bus event of a stored row; `payload` when the caller has it parsed already. Otherwise it is
 * parsed on first use: with several instances every instance reads every event back, and most of
 * them have no listener that looks at the payload (no browser connected, not their own event).
 */
export function busEvent(row: EventRow, payload?: unknown): BusEvent {
  const trigger = asTrigger(row.trigger);
  if (payload !== undefined) return { id: row.id, trigger, row, payload };
  let parsed: { value: unknown } | null = null;
  return {
    id: row.id,
    trigger,
    row,
    get payload() {
      parsed ??= { value: parse(row.payload) };
      return parsed.value;
    },
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * In-process fan-out of committed events, in id order: the SSE endpoint and the workflow engine
 * subscribe. A listener that throws or rejects is logged and never affects the others.
 */
export function createEventBus(logger?: Logger) {
  const listeners = new Set<BusListener>();
  const report = (e: unknown) => logger?.error("event listener failed", { error: (e as Error)?.message ?? String(e) });
  return {
    subscribe(listener: BusListener): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Called by the writer after commit only. */
    publish(event: BusEvent) {
      for (const l of [...listeners]) {
        try {
          const r = l(event);
          if (r && typeof (r as Promise<void>).catch === "function") (r as Promise<void>).catch(report);
        } catch (e) {
          report(e);
        }
      }
    },
    size: () => listeners.size,
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
