import { operations, type OperationId } from "@/contract/postmark";
import type { WorkflowTriggerId } from "@/contract/workflows/trigger-ids";
import { defaultApproval, type StepInput, type WorkflowDocumentInput } from "@/contract/workflows";

export type Position = { x: number; y: number };

/** Vertical spacing of nodes that have no saved position. */
export const NODE_GAP = 170;
export const defaultPosition = (index: number): Position => ({ x: 0, y: index * NODE_GAP });

export function newDocument(trigger: WorkflowTriggerId = "bounce"): WorkflowDocumentInput {
  return {
    version: 1,
    name: "New workflow",
    trigger: { type: trigger, conditions: { mode: "all", rules: [] } },
    steps: [],
  };
}

/** `bounces.activate` → `activate`, then `activate2`… until unused; ids must start with a letter. */
export function uniqueStepId(doc: WorkflowDocumentInput, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, "").replace(/^[^A-Za-z]+/, "") || "step";
  const taken = new Set(doc.steps.map((s) => s.id));
  if (!taken.has(clean) && clean !== "trigger") return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}${n}`)) return `${clean}${n}`;
}

function lastPosition(doc: WorkflowDocumentInput): Position {
  const ids = ["trigger", ...doc.steps.map((s) => s.id)];
  const nodes = doc.layout?.nodes ?? {};
  const last = ids.length - 1;
  return nodes[ids[last]!] ?? defaultPosition(last);
}

/** Moves a dropped node down until it covers no other node (cards are about 256×130). */
function clear(doc: WorkflowDocumentInput, p: Position): Position {
  const ids = ["trigger", ...doc.steps.map((s) => s.id)];
  const taken = ids.map((id, i) => doc.layout?.nodes?.[id] ?? defaultPosition(i));
  let at = p;
  while (taken.some((t) => Math.abs(t.x - at.x) < 260 && Math.abs(t.y - at.y) < 140)) at = { x: at.x, y: at.y + 40 };
  return at;
}

function withPosition(doc: WorkflowDocumentInput, id: string, position: Position | undefined): WorkflowDocumentInput {
  const at = clear(doc, position ?? { x: lastPosition(doc).x, y: lastPosition(doc).y + NODE_GAP });
  return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout?.nodes, [id]: at } } };
}

export function addAction(
  doc: WorkflowDocumentInput,
  operationId: OperationId,
  position?: Position,
): { doc: WorkflowDocumentInput; id: string } {
  const id = uniqueStepId(doc, operationId.split(".").pop() ?? "step");
  const step: StepInput = { id, kind: "action", operationId, approval: defaultApproval(operationId) };
  // Positions are computed against the document before the step joins it.
  const placed = withPosition(doc, id, position);
  return { doc: { ...placed, steps: [...doc.steps, step] }, id };
}

export function addCondition(
  doc: WorkflowDocumentInput,
  position?: Position,
): { doc: WorkflowDocumentInput; id: string } {
  const id = uniqueStepId(doc, "check");
  const placed = withPosition(doc, id, position);
  return {
    doc: { ...placed, steps: [...doc.steps, { id, kind: "condition", conditions: { mode: "all", rules: [] } }] },
    id,
  };
}

export function removeStep(doc: WorkflowDocumentInput, id: string): WorkflowDocumentInput {
  const nodes = { ...doc.layout?.nodes };
  delete nodes[id];
  return {
    ...doc,
    steps: doc.steps.filter((s) => s.id !== id),
    ...(doc.layout ? { layout: { ...doc.layout, nodes } } : {}),
  };
}

export function updateStep(
  doc: WorkflowDocumentInput,
  id: string,
  update: (s: StepInput) => StepInput,
): WorkflowDocumentInput {
  return { ...doc, steps: doc.steps.map((s) => (s.id === id ? update(s) : s)) };
}

/** Moves a step up (-1) or down (+1) in the run order. */
export function moveStep(doc: WorkflowDocumentInput, id: string, delta: -1 | 1): WorkflowDocumentInput {
  const i = doc.steps.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= doc.steps.length) return doc;
  const steps = [...doc.steps];
  [steps[i], steps[j]] = [steps[j]!, steps[i]!];
  return { ...doc, steps };
}

/** Changing the trigger keeps its rules: they become warnings if the new event lacks the field. */
export function setTrigger(doc: WorkflowDocumentInput, type: WorkflowTriggerId): WorkflowDocumentInput {
  return { ...doc, trigger: { ...doc.trigger, type } };
}

export function setPositions(doc: WorkflowDocumentInput, positions: Record<string, Position>): WorkflowDocumentInput {
  const rounded = Object.fromEntries(
    Object.entries(positions).map(([k, p]) => [k, { x: Math.round(p.x), y: Math.round(p.y) }]),
  );
  return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout?.nodes, ...rounded } } };
}

export const operationOf = (id: string) =>
  (operations as Record<string, (typeof operations)[OperationId] | undefined>)[id];
