import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  ApprovalItem,
  ApprovalLinkResponse,
  ApprovalLinkView,
  DecisionResponse,
} from "../../contract/api/approvals";
import type { AuditResponse } from "../../contract/api/audit";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
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

describe.each(dialects)("signed approval links (%s)", (_name, makeStore) => {
  let up: FakeUpstream;
  let db: TestStore & { dir?: string };
  let t: TestApp;
  let admin: string;
  let approver: string;
  let viewer: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    up.reset();
    db = await makeStore();
    t = await appOnStore({
      store: db.store,
      dir: db.dir ?? "/tmp",
      upstreamUrl: up.url,
      env: { PUBLIC_URL: "https://mailroom.example.com" },
      linkRateLimit: { limit: 8, windowMs: 60_000 },
    });
    admin = await t.login();
    approver = await t.addUser("alice", "approver");
    viewer = await t.addUser("victor", "viewer");
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
  });
  afterEach(async () => {
    await t.engine.stop();
    await t.services.notifier.idle();
    await db.cleanup();
  });

  async function parkOne(): Promise<ApprovalItem> {
    const res = await t.request("/api/workflows", {
      method: "POST",
      cookie: admin,
      json: suppressDoc({}, { approval: "required" }),
    });
    const { id } = (await res.json()) as { id: number };
    await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin });
    t.publish(1, "bounce", bouncePayload());
    return until(
      async () =>
        ((await (await t.request("/api/approvals", { cookie: viewer })).json()) as { approvals: ApprovalItem[] })
          .approvals[0],
    );
  }
  async function linkFor(id: number, cookie = approver) {
    const res = await t.request(`/api/approvals/${id}/link`, { method: "POST", cookie });
    expect(res.status).toBe(201);
    const body = (await res.json()) as ApprovalLinkResponse;
    return { ...body, token: body.url.split("/approve/")[1]! };
  }
  const view = (token: string, cookie = approver) => t.request(`/api/approval-links/${token}`, { cookie });
  const approveVia = (token: string, cookie = approver) =>
    t.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie });
  const status = async (id: number) =>
    ((await (await t.request(`/api/approvals/${id}`, { cookie: viewer })).json()) as ApprovalItem).status;
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it("makes a PUBLIC_URL link that shows the item (a GET changes nothing) and approves through the decision path", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    expect(link.url).toMatch(/^https:\/\/mailroom\.example\.com\/approve\/[\w-]{22}\.[\w-]{22}$/);
    expect(Date.parse(link.expiresAt)).toBe(Date.parse(item.expiresAt));
    for (let i = 0; i < 3; i++) {
      const v = await view(link.token);
      expect(v.status).toBe(200);
      expect((await v.json()) as ApprovalLinkView).toMatchObject({
        approval: { id: item.id, status: "pending" },
        canDecide: true,
        reason: null,
      });
    }
    expect(await status(item.id)).toBe("pending");
    expect(workCalls(up.seen)).toHaveLength(0);
    const res = await approveVia(link.token);
    expect(res.status).toBe(200);
    expect((await res.json()) as DecisionResponse).toMatchObject({
      executed: true,
      approval: { status: "approved", decidedBy: "alice", outcome: "succeeded" },
    });
    expect(workCalls(up.seen)).toHaveLength(1);
    const audit = (await (
      await t.request("/api/audit?action=approval.approve", { cookie: admin })
    ).json()) as AuditResponse;
    expect(audit.records[0]).toMatchObject({
      actor: { name: "alice" },
      target: `approval:${item.id}`,
      outcome: "success",
      details: { via: "link" },
    });
    // The token itself is in no audit record.
    expect(JSON.stringify(await (await t.request("/api/audit?limit=500", { cookie: admin })).json())).not.toContain(
      link.token,
    );
  });

  it("works once: the second use answers 410", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    expect((await approveVia(link.token)).status).toBe(200);
    const again = await approveVia(link.token);
    expect(again.status).toBe(410);
    expect(await errorOf(again)).toMatchObject({ code: "gone", message: expect.stringMatching(/already used/) });
    expect((await view(link.token)).status).toBe(410);
    expect(workCalls(up.seen)).toHaveLength(1);
  });

  it("is consumed at most once when uses race", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => approveVia(link.token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(workCalls(up.seen)).toHaveLength(1);
  });

  it("expires with a clear 410", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    t.clock.advance(24 * 3_600_000 + 1);
    // Sessions would have ended too: sign in again, as the SPA does before confirming.
    approver = await t.login("alice", "alice-password-1");
    const res = await approveVia(link.token, approver);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).message).toMatch(/expired/);
  });

  it("refuses tampered and unknown tokens with 404", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    const flipped = link.token.slice(0, -1) + (link.token.endsWith("A") ? "B" : "A");
    for (const bad of [flipped, "x".repeat(22) + "." + "y".repeat(22), "not-a-token"]) {
      expect((await view(bad)).status).toBe(404);
      expect((await approveVia(bad)).status).toBe(404);
    }
    expect(await status(item.id)).toBe("pending");
  });

  it("is bound to the request as shown: an edit invalidates it", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    const bob = await t.addUser("bob", "operator");
    const decided = await t.request(`/api/approvals/${item.id}/approve`, {
      method: "POST",
      cookie: bob,
      json: { body: { Suppressions: [{ EmailAddress: "other@example.org" }] } },
    });
    expect(decided.status).toBe(200);
    expect((await approveVia(link.token)).status).toBe(410);
    // Pending but edited underneath: the stored request no longer matches the link.
    const second = await parkOneMore();
    const link2 = await linkFor(second.id);
    await db.store.db
      .updateTable("approvals")
      .set({
        request: JSON.stringify({ ...second.request, body: { Suppressions: [{ EmailAddress: "x@evil.example" }] } }),
      })
      .where("id", "=", second.id)
      .execute();
    const res = await approveVia(link2.token);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).message).toMatch(/changed/);
    expect(await status(second.id)).toBe("pending");
  });
  async function parkOneMore(): Promise<ApprovalItem> {
    t.publish(2, "bounce", bouncePayload({ ID: 7, Email: "second@example.com" }));
    return until(async () =>
      (
        (await (await t.request("/api/approvals", { cookie: viewer })).json()) as { approvals: ApprovalItem[] }
      ).approvals.find((a) => a.status === "pending"),
    );
  }

  it("checks the role: a viewer cannot make, nor approve through, a link; the link stays usable", async () => {
    const item = await parkOne();
    expect((await t.request(`/api/approvals/${item.id}/link`, { method: "POST", cookie: viewer })).status).toBe(403);
    const link = await linkFor(item.id);
    const v = (await (await view(link.token, viewer)).json()) as ApprovalLinkView;
    expect(v).toMatchObject({ canDecide: false, reason: expect.stringMatching(/viewer/) });
    expect((await approveVia(link.token, viewer)).status).toBe(403);
    expect(
      (
        await t.request(`/api/approval-links/${link.token}/reject`, {
          method: "POST",
          cookie: viewer,
          json: { reason: "no" },
        })
      ).status,
    ).toBe(403);
    // Self-approval is refused in the decision's transaction, so the link is not used up.
    expect((await approveVia(link.token, admin)).status).toBe(403);
    expect((await approveVia(link.token)).status).toBe(200);
  });

  it("needs a session and the own origin", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    expect((await t.request(`/api/approval-links/${link.token}`)).status).toBe(401);
    expect(
      (
        await t.request(`/api/approval-links/${link.token}/approve`, {
          method: "POST",
          cookie: approver,
          headers: { origin: "https://evil.example" },
        })
      ).status,
    ).toBe(403);
    expect(await status(item.id)).toBe("pending");
  });

  it("rejects with a reason through a link", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    expect(
      (await t.request(`/api/approval-links/${link.token}/reject`, { method: "POST", cookie: approver, json: {} }))
        .status,
    ).toBe(400);
    const res = await t.request(`/api/approval-links/${link.token}/reject`, {
      method: "POST",
      cookie: approver,
      json: { reason: "not now" },
    });
    expect(res.status).toBe(200);
    expect(await status(item.id)).toBe("rejected");
    expect((await approveVia(link.token)).status).toBe(410);
  });

  it("rate-limits link checks per user and address", async () => {
    const item = await parkOne();
    const link = await linkFor(item.id);
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await view(i % 2 ? link.token : "x".repeat(22) + "." + "y".repeat(22))).status);
    expect(codes.slice(0, 8)).not.toContain(429);
    expect(codes.slice(8)).toEqual([429, 429]);
    const limited = await approveVia(link.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await status(item.id)).toBe("pending");
  });
});
