import type { EventKind } from "@/contract/api/events";
import { triggerIds } from "@/contract/postmark/trigger-ids";

/** The 8 triggers and `unrecognised`, in catalog order; from the zod-free id list so the shell stays light. */
export const eventKinds = [...triggerIds, "unrecognised"] as const satisfies readonly EventKind[];

export function isEventKind(v: unknown): v is EventKind {
  return (eventKinds as readonly unknown[]).includes(v);
}
