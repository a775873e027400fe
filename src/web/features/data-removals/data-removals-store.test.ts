import { describe, expect, it } from "vitest";
import { dataRemovalsSearch } from "./data-removals-search";
import { forgetRemoval, MAX_STORED_REMOVALS, parseStoredRemovals, rememberRemoval, updateRemovalStatus, type StoredRemoval } from "./data-removals-store";

const entry = (id: number, status: string | null = "Pending"): StoredRemoval => ({ id, requestedFor: `u${id}@example.com`, requestedBy: "dpo@example.com", createdAt: "2026-01-01T00:00:00.000Z", status });

describe("stored data removals", () => {
  it("reads only well-formed entries", () => {
    expect(parseStoredRemovals(null)).toEqual([]);
    expect(parseStoredRemovals("not json")).toEqual([]);
    expect(parseStoredRemovals('{"id":1}')).toEqual([]);
    expect(parseStoredRemovals(JSON.stringify([entry(1), { id: -1 }, { ...entry(2), requestedFor: 3 }, entry(3, null)]))).toEqual([entry(1), entry(3, null)]);
  });
  it("remembers newest first, once per id, up to the cap", () => {
    let list = rememberRemoval([], entry(1));
    list = rememberRemoval(list, entry(2));
    list = rememberRemoval(list, entry(1, "Done"));
    expect(list.map((r) => [r.id, r.status])).toEqual([[1, "Done"], [2, "Pending"]]);
    for (let i = 10; i < 10 + MAX_STORED_REMOVALS; i++) list = rememberRemoval(list, entry(i));
    expect(list).toHaveLength(MAX_STORED_REMOVALS);
    expect(list[0]!.id).toBe(9 + MAX_STORED_REMOVALS);
  });
  it("updates a status and forgets an entry", () => {
    const list = [entry(1), entry(2)];
    expect(updateRemovalStatus(list, 2, "Done")[1]!.status).toBe("Done");
    expect(updateRemovalStatus(list, 2, "Pending")).toEqual(list);
    expect(forgetRemoval(list, 1)).toEqual([entry(2)]);
  });
  it("keeps a request id in the URL, dropping bad ones", () => {
    expect(dataRemovalsSearch.parse({ request: "1201" })).toEqual({ request: 1201 });
    expect(dataRemovalsSearch.parse({ request: "abc" })).toEqual({});
  });
});

describe("validateRemovalForm", () => {
  it("asks for two email addresses", async () => {
    const { validateRemovalForm } = await import("./data-removals-form");
    const bad = validateRemovalForm({ RequestedBy: "", RequestedFor: "not-an-address", NotifyWhenCompleted: false });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["RequestedBy", "RequestedFor"]);
    const good = validateRemovalForm({ RequestedBy: " dpo@example.com ", RequestedFor: "jo@example.org", NotifyWhenCompleted: true });
    expect(good).toEqual({ ok: true, body: { RequestedBy: "dpo@example.com", RequestedFor: "jo@example.org", NotifyWhenCompleted: true } });
  });
});
