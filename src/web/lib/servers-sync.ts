import type { QueryClient } from "@tanstack/react-query";
import { serversQuery } from "./app-queries";

// Servers created, renamed or deleted in one tab show in every open tab's switcher at once:
// this tab refetches, and tells the others over a BroadcastChannel (same browser, same origin).
const CHANNEL = "mailroom.servers";

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
}

/** After a server change succeeded: refresh the switcher here and in the other tabs. */
export async function announceServersChanged(qc: QueryClient): Promise<void> {
  const ch = channel();
  ch?.postMessage({ type: "servers-changed" });
  ch?.close();
  await qc.invalidateQueries({ queryKey: serversQuery.queryKey });
}

/** Listens for other tabs' announcements; returns the way to stop. */
export function listenForServerChanges(qc: QueryClient): () => void {
  const ch = channel();
  if (!ch) return () => {};
  ch.onmessage = (e: MessageEvent<unknown>) => {
    if (typeof e.data === "object" && e.data !== null && (e.data as { type?: unknown }).type === "servers-changed") {
      void qc.invalidateQueries({ queryKey: serversQuery.queryKey });
      // The servers page's own list and settings are Postmark queries of the servers area.
      void qc.invalidateQueries({ queryKey: ["postmark", "servers"] });
    }
  };
  return () => ch.close();
}
