import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";
import { approvalShortfall, type ApproversResponse } from "../../contract/api/approvers";

describe("GET /api/approvers", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.cleanup());

  it("lists who may approve (approver, operator, admin), to any signed-in user, and needs a session", async () => {
    expect((await h.request("/api/approvers")).status).toBe(401);
    await h.addUser("ann", "approver");
    await h.addUser("vic", "viewer");
    const operator = await h.addUser("oli", "operator");
    const res = await h.request("/api/approvers", { cookie: operator });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApproversResponse;
    expect(body.approvers.map((a) => `${a.username}:${a.role}`).sort()).toEqual([
      "admin:admin",
      "ann:approver",
      "oli:operator",
    ]);
  });
});

describe("approvalShortfall", () => {
  it("warns when the author is the only possible approver, and not when self-approval is allowed", () => {
    expect(approvalShortfall([{ username: "admin" }], "admin", 1, false)).toEqual({ eligible: [], short: true });
    expect(approvalShortfall([{ username: "admin" }], "admin", 1, true)).toEqual({ eligible: ["admin"], short: false });
    expect(approvalShortfall([{ username: "admin" }, { username: "ann" }], "admin", 1, false)).toEqual({
      eligible: ["ann"],
      short: false,
    });
    expect(approvalShortfall([{ username: "admin" }, { username: "ann" }], "admin", 2, false).short).toBe(true);
  });
});
