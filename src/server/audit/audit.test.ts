import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditRecord, AuditResponse, AuditVerifyResponse } from "../../contract/api/audit";
import type { ApprovalItem } from "../../contract/api/approvals";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import {
  appOnStore,
  bouncePayload,
  suppressDoc,
  until,
  upstreamHandler,
  type TestApp,
} from "../test-support/workflow-harness";

const dialects: [string, () => Promise<TestStore & { dir?: string }>][] = [["sqlite", sqliteTestStore]];
const pg = pgUrl;
if (pg) dialects.push(["postgres", () => pgTestStore(pg)]);

describe.each(dialects)("audit trail (%s)", (dialect, makeStore) => {
  let up: FakeUpstream;
  let db: TestStore & { dir?: string };
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    up.reset();
    db = await makeStore();
    t = await appOnStore({ store: db.store, dir: db.dir ?? "/tmp", upstreamUrl: up.url });
    admin = await t.login();
  });
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  const list = async (query = "") =>
    (await (await t.request(`/api/audit${query}`, { cookie: admin })).json()) as AuditResponse;
  const verify = async () =>
    (await (await t.request("/api/audit/verify", { cookie: admin })).json()) as AuditVerifyResponse;
  const latest = async (action: string) => (await list(`?action=${encodeURIComponent(action)}&limit=1`)).records[0];
  /** Tampering needs the append-only triggers out of the way first, as a database owner could. */
  async function dropTriggers() {
    if (dialect === "postgres")
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db.store.db);
    else {
      await sql`drop trigger audit_log_no_update`.execute(db.store.db);
      await sql`drop trigger audit_log_no_delete`.execute(db.store.db);
    }
  }

  it("records sign-in, failed sign-in and sign-out with username and address", async () => {
    expect(
      (await t.request("/api/auth/login", { method: "POST", json: { username: "admin", password: "wrong-password" } }))
        .status,
    ).toBe(401);
    expect(
      (await t.request("/api/auth/login", { method: "POST", json: { username: "nobody", password: "wrong-password" } }))
        .status,
    ).toBe(401);
    const failed = (await list("?action=auth.login.failed")).records;
    expect(failed.map((r) => [r.actor.name, r.outcome, r.outcomeDetail, r.details.username])).toEqual([
      ["system", "failure", "unknown_user", "nobody"],
      ["admin", "failure", "wrong_password", "admin"],
    ]);
    expect(failed[0]!.details.address).toBeTypeOf("string");
    expect(JSON.stringify(failed)).not.toContain("wrong-password");
    const login = (await list("?action=auth.login&outcome=success")).records[0];
    expect(login).toMatchObject({
      action: "auth.login",
      actor: { name: "admin" },
      outcome: "success",
      target: "user:admin",
    });
    expect(login!.requestId).toMatch(/^[A-Za-z0-9_-]+$/);
    const other = await t.login();
    expect((await t.request("/api/auth/logout", { method: "POST", cookie: other })).status).toBe(200);
    expect(await latest("auth.logout")).toMatchObject({ actor: { name: "admin" }, outcome: "success" });
  });

  it("records user create, role change, password reset and removal, and settings changes", async () => {
    const created = await t.request("/api/users", {
      method: "POST",
      cookie: admin,
      json: { username: "carol", password: "carol-password-1", role: "viewer" },
    });
    const { user } = (await created.json()) as { user: { id: number } };
    await t.request(`/api/users/${user.id}`, {
      method: "PATCH",
      cookie: admin,
      json: { role: "approver", password: "carol-password-2" },
    });
    await t.request(`/api/users/${user.id}`, { method: "DELETE", cookie: admin });
    await t.request("/api/settings/connection", { method: "DELETE", cookie: admin });
    const users = (await list("?action=user.")).records.map((r) => [r.action, r.target, r.details]);
    expect(users).toEqual([
      ["user.delete", "user:carol", { userId: user.id, role: "approver" }],
      [
        "user.update",
        "user:carol",
        {
          userId: user.id,
          fromRole: "viewer",
          toRole: "approver",
          passwordReset: true,
          note: "role viewer → approver, password reset",
        },
      ],
      ["user.create", "user:carol", { userId: user.id, role: "viewer" }],
    ]);
    expect(JSON.stringify(await list())).not.toContain("carol-password");
    expect(await latest("settings.")).toMatchObject({ action: "settings.connection.forget", actor: { name: "admin" } });
  });

  it("records every proxied write with operation, target ids and outcome; reads are not recorded", async () => {
    await t.request("/api/postmark/bounces?count=10&offset=0", {
      cookie: admin,
      headers: { "X-Mailroom-Server": "1" },
    });
    const ok = await t.request("/api/postmark/message-streams/outbound/suppressions", {
      method: "POST",
      cookie: admin,
      json: { Suppressions: [{ EmailAddress: "a@example.com" }] },
    });
    expect(ok.status).toBe(200);
    up.reply(
      upstreamHandler((r) =>
        r.url.startsWith("/bounces/")
          ? { status: 422, body: { ErrorCode: 701, Message: "This message was not found." } }
          : null,
      ),
    );
    await t.request("/api/postmark/bounces/42/activate", { method: "PUT", cookie: admin });
    const viewer = await t.addUser("victor", "viewer");
    expect(
      (
        await t.request("/api/postmark/message-streams/outbound/suppressions", {
          method: "POST",
          cookie: viewer,
          json: { Suppressions: [] },
        })
      ).status,
    ).toBe(403);
    const writes = (await list("?action=postmark.write")).records;
    expect(writes.map((r) => [r.actor.name, r.target, r.outcome, r.outcomeDetail])).toEqual([
      ["victor", "POST /message-streams/outbound/suppressions", "denied", "forbidden"],
      ["admin", "PUT /bounces/42/activate", "failure", "422 ErrorCode 701"],
      ["admin", "POST /message-streams/outbound/suppressions", "success", "200"],
    ]);
    expect(writes[1]!.details).toMatchObject({ operationId: "bounces.activate", method: "PUT" });
    expect(Object.values(writes[1]!.details.targetIds as object)).toEqual(["42"]);
    expect(writes[2]!.requestId).toBe(ok.headers.get("x-request-id"));
    expect(JSON.stringify(writes)).not.toContain("a@example.com");
  });

  it("records approval decisions with item, run and outcome, from the queue and from the engine", async () => {
    const approver = await t.addUser("alice", "approver");
    const operator = await t.addUser("olga", "operator");
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
    const res = await t.request("/api/workflows", {
      method: "POST",
      cookie: admin,
      json: suppressDoc({}, { approval: "required" }),
    });
    const { id } = (await res.json()) as { id: number };
    await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin });
    t.publish(1, "bounce", bouncePayload());
    const item = await until(
      async () =>
        ((await (await t.request("/api/approvals", { cookie: admin })).json()) as { approvals: ApprovalItem[] })
          .approvals[0],
    );
    expect(
      (await t.request(`/api/approvals/${item.id}/approve`, { method: "POST", cookie: admin, json: {} })).status,
    ).toBe(403);
    expect(
      (
        await t.request(`/api/approvals/${item.id}/approve`, {
          method: "POST",
          cookie: approver,
          json: { body: { Suppressions: [{ EmailAddress: "x@example.org" }] } },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request(`/api/approvals/${item.id}/approve`, {
          method: "POST",
          cookie: operator,
          json: { body: { Suppressions: [{ EmailAddress: "x@example.org" }] } },
        })
      ).status,
    ).toBe(200);
    expect(
      (await t.request(`/api/approvals/${item.id}/approve`, { method: "POST", cookie: approver, json: {} })).status,
    ).toBe(200);
    const decisions = (await list("?action=approval.")).records;
    expect(decisions.map((r) => [r.action, r.actor.name, r.target, r.outcome])).toEqual([
      ["approval.approve", "alice", `approval:${item.id}`, "success"],
      ["approval.edit", "olga", `approval:${item.id}`, "success"],
      ["approval.edit", "alice", `approval:${item.id}`, "denied"],
      ["approval.approve", "admin", `approval:${item.id}`, "denied"],
    ]);
    expect(decisions[1]).toMatchObject({
      outcomeDetail: "edited: needs 1 approval by others",
      details: { runId: item.runId, executed: false, editedSections: ["body"], via: "queue" },
    });
    expect(decisions[0]).toMatchObject({
      outcomeDetail: "executed: succeeded",
      details: { runId: item.runId, executed: true, via: "queue" },
    });
    // The engine's call is a proxied write as well, in the name of the workflow version's author, with the run.
    expect(await latest("postmark.write")).toMatchObject({
      actor: { name: "admin", userId: 1 },
      outcome: "success",
      details: { role: "admin", workflow: { runId: item.runId, workflowId: id, version: 1, stepId: "suppress" } },
    });
  });

  it("filters, pages by seq, and is for admins only", async () => {
    for (let i = 0; i < 4; i++)
      await t.request("/api/auth/login", {
        method: "POST",
        json: { username: `ghost${i}`, password: "nope-nope-nope" },
      });
    const page1 = await list("?action=auth.login.failed&limit=2");
    expect(page1.records).toHaveLength(2);
    const page2 = await list(`?action=auth.login.failed&limit=2&before=${page1.nextBefore}`);
    expect(page2.records[0]!.seq).toBeLessThan(page1.records[1]!.seq);
    expect((await list("?target=ghost3")).records.map((r) => r.target)).toEqual(["user:ghost3"]);
    expect((await list("?actor=admin&action=auth.")).records.every((r) => r.actor.name === "admin")).toBe(true);
    expect((await list("?outcome=failure")).records).toHaveLength(4);
    expect(
      (await list(`?from=${encodeURIComponent(new Date(t.clock() + 60_000).toISOString())}`)).records,
    ).toHaveLength(0);
    expect((await t.request("/api/audit?limit=0", { cookie: admin })).status).toBe(400);
    const viewer = await t.addUser("victor", "viewer");
    for (const path of ["/api/audit", "/api/audit/verify", "/api/audit/export"])
      expect((await t.request(path, { cookie: viewer })).status).toBe(403);
  });

  it("exports JSON lines and CSV with the same filters", async () => {
    await t.request("/api/auth/login", {
      method: "POST",
      json: { username: "ghost", password: 'has "quotes", commas' },
    });
    const jsonl = await t.request("/api/audit/export?format=jsonl&action=auth.", { cookie: admin });
    expect(jsonl.headers.get("content-type")).toMatch(/ndjson/);
    expect(jsonl.headers.get("content-disposition")).toMatch(/attachment; filename="mailroom-audit-.*\.jsonl"/);
    const lines = (await jsonl.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as AuditRecord);
    expect(lines.map((r) => r.action)).toEqual(["auth.login", "auth.login.failed"]);
    expect(lines[1]!.seq).toBeGreaterThan(lines[0]!.seq);
    const csv = await (
      await t.request("/api/audit/export?format=csv&action=auth.login.failed", { cookie: admin })
    ).text();
    const rows = csv.trim().split("\r\n");
    expect(rows[0]).toBe(
      "seq,at,actor_id,actor,action,target,outcome,outcome_detail,request_id,details,prev_hash,hash",
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",system,auth.login.failed,user:ghost,failure,unknown_user,");
    expect(rows[1]).toMatch(/,"\{""address"":/);
    expect((await t.request("/api/audit/export?format=xml", { cookie: admin })).status).toBe(400);
  });

  it("verifies an intact chain and refuses updates and deletes in the database", async () => {
    for (let i = 0; i < 4; i++)
      await t.request("/api/auth/login", {
        method: "POST",
        json: { username: `ghost${i}`, password: "nope-nope-nope" },
      });
    const v = await verify();
    expect(v).toMatchObject({ intact: true });
    expect(v.checked).toBe(v.lastSeq);
    expect(v.checked).toBeGreaterThanOrEqual(5);
    const records = (await list()).records.reverse();
    records.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? "0".repeat(64) : records[i - 1]!.hash));
    await expect(sql`update audit_log set details = '{}' where seq = 2`.execute(db.store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 2`.execute(db.store.db)).rejects.toThrow(/append-only/);
  });

  it("detects a changed record", async () => {
    for (let i = 0; i < 4; i++)
      await t.request("/api/auth/login", {
        method: "POST",
        json: { username: `ghost${i}`, password: "nope-nope-nope" },
      });
    await dropTriggers();
    await sql`update audit_log set details = '{"username":"someone-else"}' where seq = 3`.execute(db.store.db);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 3, reason: "hash_mismatch", checked: 2 });
  });

  it("detects a deleted record, in the middle or at the end", async () => {
    for (let i = 0; i < 4; i++)
      await t.request("/api/auth/login", {
        method: "POST",
        json: { username: `ghost${i}`, password: "nope-nope-nope" },
      });
    await dropTriggers();
    const last = Number(
      (await sql<{ m: number }>`select max(seq) as m from audit_log`.execute(db.store.db)).rows[0]!.m,
    );
    await sql`delete from audit_log where seq = ${last}`.execute(db.store.db);
    expect(await verify()).toMatchObject({ intact: false, reason: "records_missing_at_end", firstBrokenSeq: last });
    await sql`delete from audit_log where seq = 2`.execute(db.store.db);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 2, reason: "seq_gap" });
  });

  it("detects reordered records", async () => {
    for (let i = 0; i < 4; i++)
      await t.request("/api/auth/login", {
        method: "POST",
        json: { username: `ghost${i}`, password: "nope-nope-nope" },
      });
    await dropTriggers();
    // Swap records 2 and 3 by their seq, keeping every other column.
    await sql`update audit_log set seq = -2 where seq = 2`.execute(db.store.db);
    await sql`update audit_log set seq = 2 where seq = 3`.execute(db.store.db);
    await sql`update audit_log set seq = 3 where seq = -2`.execute(db.store.db);
    const v = await verify();
    expect(v).toMatchObject({ intact: false, firstBrokenSeq: 2 });
    expect(["prev_hash_mismatch", "hash_mismatch"]).toContain(v.reason);
  });

  it("keeps one unforked chain under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.services.store.audit.record(
          { actor: "system", action: "test.concurrent", target: `n:${i}` },
          new Date().toISOString(),
        ),
      ),
    );
    expect(await verify()).toMatchObject({ intact: true });
    expect((await list("?action=test.concurrent&limit=100")).records).toHaveLength(40);
  });

  it("commits appends made together in their order, and one entry that cannot be stored fails alone", async () => {
    const audit = t.services.store.audit;
    const at = new Date().toISOString();
    // A BigInt cannot be serialised: that entry fails, the others of its batch are still appended.
    const results = await Promise.allSettled([
      audit.record({ actor: "system", action: "test.batch", target: "n:0" }, at),
      audit.record({ actor: "system", action: "test.batch", target: "n:1", details: { bad: BigInt(1) } }, at),
      audit.record({ actor: "system", action: "test.batch", target: "n:2" }, at),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const [a, , c] = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(c!.seq).toBe(a!.seq + 1);
    expect(c!.prevHash).toBe(a!.hash);
    expect((await list("?action=test.batch&limit=10")).records.map((r) => r.target)).toEqual(["n:2", "n:0"]);
    expect(await verify()).toMatchObject({ intact: true });
  });
});

describe("request log", () => {
  it("never shows an approval link token", async () => {
    const { redactPath } = await import("../http/request-log");
    expect(redactPath("/api/approval-links/abc.def/approve")).toBe("/api/approval-links/[token]/approve");
    expect(redactPath("/approve/abc.def")).toBe("/approve/[token]");
    expect(redactPath("/api/approvals/3/approve")).toBe("/api/approvals/3/approve");
  });
});
