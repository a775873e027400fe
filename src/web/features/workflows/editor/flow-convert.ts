import type { Edge, Node } from "@xyflow/react";
import type { WorkflowDocumentInput } from "@/contract/workflows";
import { defaultPosition, type Position } from "./doc-edits";

// Node data carries only ids: nodes read the rest from the editor store, so one edit re-renders one node.
export type TriggerNodeData = { kind: "trigger" };
export type StepNodeData = { kind: "action" | "condition"; stepId: string };
export type TriggerFlowNode = Node<TriggerNodeData, "trigger">;
export type ActionFlowNode = Node<StepNodeData, "action">;
export type ConditionFlowNode = Node<StepNodeData, "condition">;
export type WorkflowFlowNode = TriggerFlowNode | ActionFlowNode | ConditionFlowNode;

export const TRIGGER_NODE_ID = "trigger";

/** The document as React Flow nodes and edges: the trigger, then the steps in run order. */
export function documentToFlow(
  doc: WorkflowDocumentInput,
  selected: string | null = null,
): { nodes: WorkflowFlowNode[]; edges: Edge[] } {
  const saved = doc.layout?.nodes ?? {};
  const at = (id: string, index: number): Position => saved[id] ?? defaultPosition(index);
  const nodes: WorkflowFlowNode[] = [
    {
      id: TRIGGER_NODE_ID,
      type: "trigger",
      position: at(TRIGGER_NODE_ID, 0),
      data: { kind: "trigger" },
      selected: selected === TRIGGER_NODE_ID,
      deletable: false,
    },
  ];
  doc.steps.forEach((step, i) => {
    const base = { id: step.id, position: at(step.id, i + 1), selected: selected === step.id };
    nodes.push(
      step.kind === "action"
        ? { ...base, type: "action", data: { kind: "action", stepId: step.id } }
        : { ...base, type: "condition", data: { kind: "condition", stepId: step.id } },
    );
  });
  const order = [TRIGGER_NODE_ID, ...doc.steps.map((s) => s.id)];
  const edges: Edge[] = order
    .slice(1)
    .map((id, i) => ({ id: `${order[i]}->${id}`, source: order[i]!, target: id, type: "smoothstep" }));
  return { nodes, edges };
}

/** Node positions as the document's layout (rounded: a layout is for people, not pixels). */
export function flowToLayout(
  nodes: readonly { id: string; position: Position }[],
  viewport?: { x: number; y: number; zoom: number },
): NonNullable<WorkflowDocumentInput["layout"]> {
  const out: Record<string, Position> = {};
  for (const n of nodes) out[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
  return viewport ? { nodes: out, viewport } : { nodes: out };
}
