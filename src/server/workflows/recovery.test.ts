import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApprovalItem } from "../../contract/api/approvals";
import type { RunDetail } from "../../contract/api/workflows";
import { startFakeUpstream, type FakeUpstream, type Reply } from "../test-support/fake-upstream";
import { createEventsRepo } from "../events/events-repo";
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

// A "crash" is an engine that stops answering; a "restart" is a new app and engine on the same store.
describe.each(dialects)("crash recovery (%s)", (name, makeStore) => {
  let up: FakeUpstream;
  let reply: Reply | null = null;
  let db: TestStore & { dir?: string };
  let first: TestApp;
  let cookie: string;

  beforeEach(async () => {
    reply = null;
    up = await startFakeUpstream(upstreamHandler((r) => (r.url.includes("suppressions") ? reply : null)));
    db = await makeStore();
    first = await appOnStore({ store: db.store, dir: db.dir ?? "/tmp", upstreamUrl: up.url });
    cookie = await first.login();
  });
  afterEach(async () => {
    await up.close();
    await db.cleanup();
  });

  const restart = () =>
    appOnStore({
      store: db.store,
      dir: db.dir ?? "/tmp",
      upstreamUrl: up.url,
      bootstrap: false,
      engine: { recoverAllAtStart: true },
    });

  async function workflow(): Promise<number> {
    const { id } = (await (
      await first.request("/api/workflows", { method: "POST", cookie, json: suppressDoc() })
    ).json()) as { id: number };
    await first.request(`/api/workflows/${id}/enable`, { method: "POST", cookie });
    return id;
  }

  it("never re-sends a step left in flight: it becomes an uncertain approval item", async () => {
    reply = "hang";
    await workflow();
    await first.engine.start((l) => first.services.events.bus.subscribe(l));
    first.publish(1, "bounce", bouncePayload());
    await until(async () => workCalls(up.seen).length === 1);
    const steps = await db.store.db.selectFrom("workflow_run_steps").selectAll().execute();
    expect(steps.map((s) => s.status)).toEqual(["in_flight"]);

    reply = { body: { Suppressions: [] } };
    const second = await restart();
    await second.engine.start();
    const approver = await second.addUser("alice", "approver");
    const items = (
      (await (await second.request("/api/approvals", { cookie: approver })).json()) as { approvals: ApprovalItem[] }
    ).approvals;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      uncertain: true,
      status: "pending",
      request: { path: "/message-streams/outbound/suppressions" },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(workCalls(up.seen)).toHaveLength(1);
    const run = (await (
      await second.request(`/api/runs/${items[0]!.runId}`, { cookie: approver })
    ).json()) as RunDetail;
    expect(run).toMatchObject({ status: "waiting", steps: [{ status: "uncertain", approval: { uncertain: true } }] });

    // A person decides it should go (again): only now is it sent.
    const res = await second.request(`/api/approvals/${items[0]!.id}/approve`, {
      method: "POST",
      cookie: approver,
      json: {},
    });
    expect(res.status).toBe(200);
    expect(workCalls(up.seen)).toHaveLength(2);
    await second.engine.stop();
  });

  it("does not retry a write whose answer timed out: it becomes an uncertain approval item", async () => {
    reply = "hang";
    const timing = await appOnStore({
      store: db.store,
      dir: db.dir ?? "/tmp",
      upstreamUrl: up.url,
      bootstrap: false,
      env: { POSTMARK_TIMEOUT_MS: "200" },
    });
    await workflow();
    await timing.engine.start((l) => timing.services.events.bus.subscribe(l));
    timing.publish(1, "bounce", bouncePayload());
    const item = await until(
      async () => (await db.store.db.selectFrom("approvals").selectAll().executeTakeFirst()) ?? null,
    );
    expect(item.uncertain).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(workCalls(up.seen)).toHaveLength(1);
    const step = await db.store.db.selectFrom("workflow_run_steps").selectAll().executeTakeFirstOrThrow();
    expect(step.status).toBe("uncertain");
    expect(step.error).toContain("upstream_timeout");
    await timing.engine.stop();
  });

  it("starts the runs of events stored while no engine listened, once", async () => {
    // PostgreSQL (several instances): the periodic catch-up task, once across instances, does what
    // the engine's own cursor does at start on SQLite; it hands over events older than the lease.
    let turn = 0;
    const catchUp = async (app: TestApp) => {
      if (name !== "postgres") return;
      app.clock.set(Date.now() + ++turn * 3_600_000);
      expect(await app.services.periodic.check("workflows.catch-up")).toBe("ran");
    };
    await workflow();
    // The first start finds no cursor and begins at the newest stored event: history is not replayed.
    await first.engine.start((l) => first.services.events.bus.subscribe(l));
    await catchUp(first);
    await first.engine.stop();

    // Stored and acknowledged, but the process died before the bus reached the engine.
    const payload = bouncePayload();
    await createEventsRepo(db.store.db).insertMany([
      {
        trigger: "bounce",
        server_id: 1,
        message_stream: "outbound",
        recipient: String(payload.Email),
        sender: null,
        tag: null,
        message_id: "gap-message-1",
        subject: null,
        detail: null,
        received_at: new Date().toISOString(),
        dedupe_key: "crash-gap-1",
        payload: JSON.stringify(payload),
        payload_size: 100,
        unrecognised: 0,
        test: 0,
        problem: null,
      },
    ]);

    reply = { body: { Suppressions: [] } };
    const second = await restart();
    await second.engine.start();
    await catchUp(second);
    await until(async () => {
      const rows = await db.store.db.selectFrom("workflow_runs").select("status").execute();
      return rows.length === 1 && rows[0]!.status === "succeeded";
    }, 30_000);
    expect(workCalls(up.seen)).toHaveLength(1);
    await second.engine.stop();

    // The cursor moved past it: a further restart starts nothing again.
    const third = await restart();
    await third.engine.start();
    await catchUp(third);
    await new Promise((r) => setTimeout(r, 100));
    expect(await db.store.db.selectFrom("workflow_runs").select("id").execute()).toHaveLength(1);
    await third.engine.stop();
  });

  it("resumes queued runs and runs that were between steps after a restart", async () => {
    const id = await workflow();
    const version = (await first.services.workflows.workflows.version(id, 1))!;
    const event = { id: null, trigger: "bounce" as const, serverId: 1, payload: bouncePayload() };
    const queued = await first.engine.createRun(id, version.id, 1, event, { createdBy: "test" });
    const orphan = await first.engine.createRun(id, version.id, 1, event, { createdBy: "test" });
    await db.store.db
      .updateTable("workflow_runs")
      .set({ status: "running", claimed_by: "engine-dead", claimed_at: new Date().toISOString() })
      .where("id", "=", orphan)
      .execute();

    reply = { body: { Suppressions: [] } };
    const second = await restart();
    await second.engine.start();
    const done = await until(async () => {
      const rows = await db.store.db.selectFrom("workflow_runs").select(["id", "status"]).orderBy("id").execute();
      return rows.every((r) => r.status === "succeeded") ? rows : null;
    });
    expect(done.map((r) => Number(r.id))).toEqual([queued, orphan]);
    expect(workCalls(up.seen)).toHaveLength(2);
    await second.engine.stop();
  });
});
