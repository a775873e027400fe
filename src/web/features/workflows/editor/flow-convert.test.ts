import { describe, expect, it } from "vitest";
import { instantiateTemplate, type WorkflowDocumentInput } from "@/contract/workflows";
import { addAction, addCondition, defaultPosition, newDocument, removeStep, setPositions } from "./doc-edits";
import { documentToFlow, flowToLayout } from "./flow-convert";

const doc: WorkflowDocumentInput = {
  version: 1,
  name: "Two steps",
  trigger: { type: "bounce" },
  steps: [
    {
      id: "lookup",
      kind: "action",
      operationId: "bounces.get",
      params: { bounceid: { $map: { from: "trigger", path: "ID" } } },
    },
    {
      id: "check",
      kind: "condition",
      conditions: { mode: "all", rules: [{ from: "step:lookup", field: "CanActivate", op: "equals", value: true }] },
    },
    {
      id: "activate",
      kind: "action",
      operationId: "bounces.activate",
      params: { bounceid: { $map: { from: "trigger", path: "ID" } } },
    },
  ],
  layout: { nodes: { trigger: { x: 10, y: 20 }, check: { x: 300, y: 200 } } },
};

describe("document ↔ React Flow", () => {
  it("makes a trigger node and one node per step, typed by kind, chained in run order", () => {
    const { nodes, edges } = documentToFlow(doc, "check");
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ["trigger", "trigger"],
      ["lookup", "action"],
      ["check", "condition"],
      ["activate", "action"],
    ]);
    expect(nodes.map((n) => n.data)).toEqual([
      { kind: "trigger" },
      { kind: "action", stepId: "lookup" },
      { kind: "condition", stepId: "check" },
      { kind: "action", stepId: "activate" },
    ]);
    expect(edges.map((e) => [e.source, e.target])).toEqual([
      ["trigger", "lookup"],
      ["lookup", "check"],
      ["check", "activate"],
    ]);
    expect(nodes.find((n) => n.selected)?.id).toBe("check");
    expect(nodes[0]!.deletable).toBe(false);
  });

  it("uses saved positions and lays out the rest vertically", () => {
    const { nodes } = documentToFlow(doc);
    expect(nodes[0]!.position).toEqual({ x: 10, y: 20 });
    expect(nodes[1]!.position).toEqual(defaultPosition(1));
    expect(nodes[2]!.position).toEqual({ x: 300, y: 200 });
  });

  it("round-trips positions into the document's layout, rounded", () => {
    const { nodes } = documentToFlow(doc);
    const moved = nodes.map((n) => (n.id === "lookup" ? { ...n, position: { x: 12.6, y: 99.2 } } : n));
    const layout = flowToLayout(moved, { x: 1, y: 2, zoom: 1.5 });
    expect(layout.nodes?.lookup).toEqual({ x: 13, y: 99 });
    expect(layout.viewport).toEqual({ x: 1, y: 2, zoom: 1.5 });
    const again = documentToFlow({ ...doc, layout });
    expect(again.nodes.map((n) => n.position)).toEqual(
      moved.map((n) => ({ x: Math.round(n.position.x), y: Math.round(n.position.y) })),
    );
  });

  it("works for every template in the library", () => {
    const tpl = instantiateTemplate("spam-complaint-suppress-everywhere")!;
    const { nodes, edges } = documentToFlow(tpl);
    expect(nodes).toHaveLength(tpl.steps.length + 1);
    expect(edges).toHaveLength(tpl.steps.length);
  });
});

describe("document edits", () => {
  it("adds actions with unique ids, default approval and a position below the last node", () => {
    let d = newDocument("bounce");
    const a = addAction(d, "bounces.activate");
    d = a.doc;
    const b = addAction(d, "bounces.activate");
    expect([a.id, b.id]).toEqual(["activate", "activate2"]);
    expect(b.doc.steps[1]).toMatchObject({ kind: "action", operationId: "bounces.activate", approval: "auto" });
    expect(b.doc.layout?.nodes?.activate2?.y).toBeGreaterThan(b.doc.layout?.nodes?.activate?.y ?? Infinity);
    const destructive = addAction(newDocument(), "domains.delete");
    expect(destructive.doc.steps[0]).toMatchObject({ approval: "required" });
  });

  it("removes a step and its position; adds conditions; keeps positions from a drag", () => {
    const c = addCondition(newDocument());
    expect(c.doc.steps[0]).toMatchObject({ id: "check", kind: "condition" });
    const gone = removeStep(c.doc, "check");
    expect(gone.steps).toEqual([]);
    expect(gone.layout?.nodes?.check).toBeUndefined();
    expect(setPositions(gone, { trigger: { x: 1.4, y: 2.6 } }).layout?.nodes?.trigger).toEqual({ x: 1, y: 3 });
  });
});
