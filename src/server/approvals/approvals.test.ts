import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApprovalItem, DecisionResponse } from "../../contract/api/approvals";
import type { RunDetail } from "../../contract/api/workflows";
import { startFakeUpstream, type FakeUpstream, type Reply, type Seen } from "../test-support/fake-upstream";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import {
  appOnStore,
  bouncePayload,
  suppressDoc,
  until,
  upstreamHandler,
  workCalls,
  type TestApp,
} from "../test-support/workflow-harness";

const dialects: [string, () => Promise<TestStore & { dir?: string }>][] = [["sqlite", sqliteTestStore]];
const pg = pgUrl;
if (pg) dialects.push(["postgres", () => pgTestStore(pg)]);

describe.each(dialects)("approvals (%s)", (_name, makeStore) => {
  let up: FakeUpstream;
  let custom: (req: Seen) => Reply | null | undefined = () => null;
  let db: TestStore & { dir?: string };
  let t: TestApp;
  let admin: string;
  let approver: string;
  let viewer: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler((r) => custom(r)));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    custom = () => null;
    up.reset();
    up.reply(upstreamHandler((r) => custom(r)));
    db = await makeStore();
    t = await appOnStore({ store: db.store, dir: db.dir ?? "/tmp", upstreamUrl: up.url });
    admin = await t.login();
    approver = await t.addUser("alice", "approver");
    viewer = await t.addUser("victor", "viewer");
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
  });
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  const policyDoc = (policy: Record<string, unknown> = {}) =>
    suppressDoc({}, { approval: "required", approvalPolicy: policy });
  async function parkOne(policy: Record<string, unknown> = {}, eventId = 1): Promise<ApprovalItem> {
    const res = await t.request("/api/workflows", { method: "POST", cookie: admin, json: policyDoc(policy) });
    const { id } = (await res.json()) as { id: number };
    expect((await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin })).status).toBe(200);
    t.publish(eventId, "bounce", bouncePayload());
    return until(async () => (await pending())[0]);
  }
  const pending = async (status = "pending") =>
    (
      (await (await t.request(`/api/approvals?status=${status}`, { cookie: viewer })).json()) as {
        approvals: ApprovalItem[];
      }
    ).approvals;
  const approve = (id: number, cookie: string, json: unknown = {}) =>
    t.request(`/api/approvals/${id}/approve`, { method: "POST", cookie, json });
  const runOf = async (id: number) =>
    (await (await t.request(`/api/runs/${id}`, { cookie: viewer })).json()) as RunDetail;

  it("parks a step with the exact request and blast radius; approving executes it and records the decision", async () => {
    const item = await parkOne();
    expect(item).toMatchObject({
      status: "pending",
      uncertain: false,
      step: { id: "suppress", operationId: "suppressions.create", risk: "write" },
      event: { id: 1, trigger: "bounce", serverId: 1 },
      request: {
        method: "POST",
        path: "/message-streams/outbound/suppressions",
        body: { Suppressions: [{ EmailAddress: "john@example.com" }] },
        serverId: 1,
      },
      blastRadius: { recipients: 1, addresses: ["john@example.com"], domains: ["example.com"], serverId: 1 },
      policy: { approvers: 1, allowSelfApproval: false, author: "admin" },
    });
    expect(Date.parse(item.expiresAt) - Date.parse(item.createdAt)).toBe(24 * 3_600_000);
    expect((await runOf(item.runId)).status).toBe("waiting");
    expect(workCalls(up.seen)).toHaveLength(0);

    expect((await approve(item.id, viewer)).status).toBe(403);
    const res = await approve(item.id, approver);
    expect(res.status).toBe(200);
    const body = (await res.json()) as DecisionResponse;
    expect(body).toMatchObject({
      executed: true,
      approval: { status: "approved", decidedBy: "alice", outcome: "succeeded" },
    });
    expect(workCalls(up.seen)).toHaveLength(1);
    const run = await runOf(item.runId);
    expect(run.status).toBe("succeeded");
    expect(run.steps[0]!.approval).toMatchObject({ status: "approved", approvers: [{ username: "alice" }] });
    expect((await approve(item.id, admin)).status).toBe(409);
  });

  it("refuses self-approval, and lets the author approve when the policy allows it", async () => {
    const item = await parkOne();
    const res = await approve(item.id, admin);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/saved this version/);
    await t.engine.stop();
    await db.cleanup();
    db = await makeStore();
    t = await appOnStore({ store: db.store, dir: db.dir ?? "/tmp", upstreamUrl: up.url });
    admin = await t.login();
    viewer = await t.addUser("victor", "viewer");
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
    const own = await parkOne({ allowSelfApproval: true });
    expect((await approve(own.id, admin)).status).toBe(200);
  });

  it("needs two different people under the two-person rule; the step runs on the second approval", async () => {
    const bob = await t.addUser("bob", "operator");
    const item = await parkOne({ approvers: 2 });
    const first = (await (await approve(item.id, approver)).json()) as DecisionResponse;
    expect(first).toMatchObject({
      executed: false,
      approval: { status: "pending", approvals: [{ username: "alice" }] },
    });
    expect((await approve(item.id, approver)).status).toBe(409);
    expect(workCalls(up.seen)).toHaveLength(0);
    const second = (await (await approve(item.id, bob)).json()) as DecisionResponse;
    expect(second).toMatchObject({ executed: true, approval: { status: "approved", decidedBy: "alice, bob" } });
    expect(workCalls(up.seen)).toHaveLength(1);
  });

  it("rejects with a reason, which ends the run without sending", async () => {
    const item = await parkOne();
    expect(
      (await t.request(`/api/approvals/${item.id}/reject`, { method: "POST", cookie: approver, json: {} })).status,
    ).toBe(400);
    const res = await t.request(`/api/approvals/${item.id}/reject`, {
      method: "POST",
      cookie: approver,
      json: { reason: "not this one" },
    });
    expect(res.status).toBe(200);
    const run = await runOf(item.runId);
    expect(run).toMatchObject({ status: "rejected", error: "Rejected by alice: not this one" });
    expect(run.steps[0]!.approval).toMatchObject({ status: "rejected", reason: "not this one" });
    expect(workCalls(up.seen)).toHaveLength(0);
    expect((await approve(item.id, approver)).status).toBe(409);
  });

  it("executes edited parameters after re-validating them, once someone other than the editor approves", async () => {
    const operator = await t.addUser("olga", "operator");
    const item = await parkOne();
    const bad = await approve(item.id, operator, { params: { streamId: "" } });
    expect(bad.status).toBe(400);
    // Editing is writing the request: an approver (read-only for Postmark) may not.
    expect(
      (await approve(item.id, approver, { body: { Suppressions: [{ EmailAddress: "other@example.org" }] } })).status,
    ).toBe(403);
    const res = await approve(item.id, operator, { body: { Suppressions: [{ EmailAddress: "other@example.org" }] } });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as DecisionResponse;
    expect(edited).toMatchObject({
      executed: false,
      approval: {
        status: "pending",
        edited: true,
        request: { body: { Suppressions: [{ EmailAddress: "other@example.org" }] } },
      },
    });
    expect(edited.approval.edit).toMatchObject({
      by: "olga",
      original: { body: { Suppressions: [{ EmailAddress: "john@example.com" }] } },
      changes: [{ path: "body.Suppressions[0].EmailAddress", before: "john@example.com", after: "other@example.org" }],
    });
    expect(edited.approval.blastRadius).toMatchObject({ addresses: ["other@example.org"] });
    expect(workCalls(up.seen)).toHaveLength(0);
    expect((await approve(item.id, operator)).status).toBe(403);
    expect(((await (await approve(item.id, approver)).json()) as DecisionResponse).executed).toBe(true);
    const calls = workCalls(up.seen);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body)).toEqual({ Suppressions: [{ EmailAddress: "other@example.org" }] });
  });

  it("expires items at decision time and in the sweep, ending the run", async () => {
    // 36 seconds, so that sessions outlive the jump in time.
    const item = await parkOne({ expiresInHours: 0.01 });
    expect(Date.parse(item.expiresAt) - Date.parse(item.createdAt)).toBe(36_000);
    t.clock.advance(36_001);
    const res = await approve(item.id, approver);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    expect((await runOf(item.runId)).status).toBe("expired");

    t.publish(2, "bounce", bouncePayload());
    const second = await until(async () => (await pending())[0]);
    t.clock.advance(36_001);
    expect(await t.engine.expireDue()).toBe(1);
    expect((await runOf(second.runId)).status).toBe("expired");
    expect((await pending("expired")).map((a) => a.id).sort()).toEqual([item.id, second.id].sort());
    expect(workCalls(up.seen)).toHaveLength(0);
  });

  it("executes once when 50 approvals of one item arrive at once", async () => {
    custom = (r) => (r.url.includes("suppressions") ? { body: { Suppressions: [] }, delayMs: 20 } : null);
    const item = await parkOne();
    const results = await Promise.all(Array.from({ length: 50 }, () => approve(item.id, approver)));
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const msg = ((await results.find((r) => r.status === 409)!.json()) as { error: { message: string } }).error.message;
    expect(msg).toMatch(/already approved/);
    expect(workCalls(up.seen)).toHaveLength(1);
  });

  it("decides several items in bulk", async () => {
    const a = await parkOne({}, 1);
    t.publish(2, "bounce", bouncePayload({ ID: 5 }));
    await until(async () => (await pending()).length === 2);
    const all = await pending();
    const res = await t.request("/api/approvals/bulk", {
      method: "POST",
      cookie: approver,
      json: { ids: all.map((x) => x.id), decision: "reject" },
    });
    expect(res.status).toBe(400);
    const ok = await t.request("/api/approvals/bulk", {
      method: "POST",
      cookie: approver,
      json: { ids: [...all.map((x) => x.id), 999], decision: "approve" },
    });
    const body = (await ok.json()) as { results: { id: number; ok: boolean; status?: string }[] };
    expect(
      body.results
        .filter((r) => r.ok && r.status === "approved")
        .map((r) => r.id)
        .sort(),
    ).toEqual(all.map((x) => x.id).sort());
    expect(body.results.find((r) => r.id === 999)).toMatchObject({ ok: false });
    expect(a.id).toBeGreaterThan(0);
    expect(workCalls(up.seen)).toHaveLength(2);
  });

  it("reads an item parked before requests kept their params (filled path only), shows its params and runs it", async () => {
    const item = await parkOne();
    // Rewrite the stored request to the old form: no `params`, the filled path only.
    const row = await db.store.db
      .selectFrom("approvals")
      .select("request")
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    const { params: _params, ...old } = JSON.parse(row.request) as Record<string, unknown>;
    expect(_params).toEqual({ streamId: "outbound" });
    await db.store.db
      .updateTable("approvals")
      .set({ request: JSON.stringify(old) })
      .where("id", "=", item.id)
      .execute();
    await db.store.db
      .updateTable("workflow_run_steps")
      .set({ request: JSON.stringify(old) })
      .where("approval_id", "=", item.id)
      .execute();

    const [shown] = await pending();
    expect(shown).toMatchObject({
      id: item.id,
      request: { path: "/message-streams/outbound/suppressions", params: { streamId: "outbound" } },
    });
    const res = await approve(item.id, approver);
    expect(res.status).toBe(200);
    expect((await res.json()) as DecisionResponse).toMatchObject({
      executed: true,
      approval: { outcome: "succeeded" },
    });
    expect(workCalls(up.seen).map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /message-streams/outbound/suppressions",
    ]);
  });
});
