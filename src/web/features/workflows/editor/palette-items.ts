import { areaIds, areas, operationList, type AreaId, type Operation } from "@/contract/postmark";
import { workflowTriggerIds, workflowTriggers, type WorkflowTriggerId } from "@/contract/workflows/triggers";

/** What a palette item adds, carried through drag-and-drop as JSON. */
export type PaletteItem =
  | { type: "trigger"; trigger: WorkflowTriggerId }
  | { type: "action"; operationId: Operation["id"] }
  | { type: "condition" };

export const PALETTE_MIME = "application/x-mailroom-node";

export function filterPalette(q: string): {
  triggers: WorkflowTriggerId[];
  areas: { area: AreaId; title: string; ops: Operation[] }[];
} {
  const needle = q.trim().toLowerCase();
  const hit = (...texts: string[]) => needle === "" || texts.some((t) => t.toLowerCase().includes(needle));
  return {
    triggers: workflowTriggerIds.filter((t) => hit(t, workflowTriggers[t].title)),
    areas: areaIds
      .map((area) => ({
        area,
        title: areas[area].title,
        ops: operationList.filter((op) => op.area === area && hit(op.title, op.id, op.path, areas[area].title)),
      }))
      .filter((a) => a.ops.length > 0),
  };
}

export function readPaletteItem(raw: string): PaletteItem | null {
  try {
    const v = JSON.parse(raw) as PaletteItem;
    return v && typeof v === "object" && "type" in v ? v : null;
  } catch {
    return null;
  }
}
