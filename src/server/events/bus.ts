import type { FeedEvent } from "../../contract/api/events";
import type { Logger } from "../logger";

/** A stored event as subscribers see it: the payload is always the full parsed body. */
export type BusEvent = FeedEvent;
export type BusListener = (event: BusEvent) => void | Promise<void>;

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
