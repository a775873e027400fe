import { afterEach, describe, expect, it, vi } from "vitest";
import { addAction, newDocument } from "./doc-edits";
import { createEditorStore, isDirty } from "./editor-store";

afterEach(() => vi.useRealTimers());

describe("editor store", () => {
  it("undoes and redoes whole-document edits, and a new edit clears redo", () => {
    const store = createEditorStore(newDocument(), true);
    const start = store.getState().doc;
    store.update((d) => addAction(d, "bounces.activate").doc);
    store.update((d) => ({ ...d, name: "Renamed" }));
    expect(store.getState().past).toHaveLength(2);
    store.undo();
    expect(store.getState().doc.name).toBe("New workflow");
    expect(store.getState().doc.steps).toHaveLength(1);
    store.undo();
    expect(store.getState().doc).toBe(start);
    expect(isDirty(store.getState())).toBe(false);
    store.redo();
    expect(store.getState().doc.steps).toHaveLength(1);
    expect(isDirty(store.getState())).toBe(true);
    store.update((d) => ({ ...d, name: "Other" }));
    expect(store.getState().future).toEqual([]);
  });

  it("shows, before saving, the steps the user's role may not save; a saved document is not held against a reader", () => {
    const store = createEditorStore(newDocument(), true, null, "operator");
    store.update((d) => addAction(d, "servers.delete").doc);
    const problems = store.getState().validation.problems.filter((p) => p.field === "operationId");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/"Delete a server", a destructive operation, which an operator may not call/);
    expect(store.getState().validation.ok).toBe(false);
    store.markSaved();
    const reader = createEditorStore(store.getState().doc, true, null, "operator");
    expect(reader.getState().validation.problems.some((p) => /may not call/.test(p.message))).toBe(false);
    const admin = createEditorStore(newDocument(), true, null, "admin");
    admin.update((d) => addAction(d, "servers.delete").doc);
    expect(admin.getState().validation.problems.some((p) => /may not call/.test(p.message))).toBe(false);
  });

  it("merges quick edits of one field into one undo step", () => {
    vi.useFakeTimers();
    const store = createEditorStore(newDocument(), true);
    for (const name of ["A", "Ab", "Abc"]) store.update((d) => ({ ...d, name }), "name");
    expect(store.getState().past).toHaveLength(1);
    vi.advanceTimersByTime(1500);
    store.update((d) => ({ ...d, name: "Abcd" }), "name");
    expect(store.getState().past).toHaveLength(2);
    store.undo();
    expect(store.getState().doc.name).toBe("Abc");
  });

  it("validates on every change and groups problems by node", () => {
    const store = createEditorStore(newDocument(), false);
    expect(isDirty(store.getState())).toBe(true);
    store.update((d) => addAction(d, "bounces.activate").doc);
    const problems = store.getState().problemsByNode.activate ?? [];
    expect(problems.some((p) => p.severity === "error" && p.field === "params.bounceid")).toBe(true);
    store.update((d) => ({
      ...d,
      steps: d.steps.map((s) =>
        s.kind === "action" ? { ...s, params: { bounceid: { $map: { from: "trigger", path: "ID" } } } } : s,
      ),
    }));
    expect(store.getState().validation.ok).toBe(true);
  });

  it("forgets the selection of a removed step and clears test status on change", () => {
    const store = createEditorStore(newDocument(), true);
    store.update((d) => addAction(d, "bounces.activate").doc);
    store.select("activate");
    store.setRunStatus({ activate: { status: "would run", tone: "ok" } });
    store.undo();
    expect(store.getState().selected).toBeNull();
    expect(store.getState().runStatus).toEqual({});
  });

  it("notifies subscribers", () => {
    const store = createEditorStore(newDocument(), true);
    const l = vi.fn();
    const off = store.subscribe(l);
    store.select("trigger");
    off();
    store.select(null);
    expect(l).toHaveBeenCalledTimes(1);
  });
});
