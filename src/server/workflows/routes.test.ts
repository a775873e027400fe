import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestWorkflowResponse, WorkflowDetail, WorkflowsResponse } from "../../contract/api/workflows";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import {
  appOnStore,
  bouncePayload,
  suppressDoc,
  until,
  upstreamHandler,
  workCalls,
  type TestApp,
} from "../test-support/workflow-harness";

describe("workflows API", () => {
  let up: FakeUpstream;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    up.reset();
    db = await sqliteTestStore();
    t = await appOnStore({ store: db.store, dir: db.dir, upstreamUrl: up.url });
    admin = await t.login();
  });
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  const post = (path: string, cookie: string, json?: unknown) => t.request(path, { method: "POST", cookie, json });

  it("creates, versions, enables, duplicates and deletes workflows", async () => {
    const created = await post("/api/workflows", admin, suppressDoc());
    expect(created.status).toBe(201);
    const wf = (await created.json()) as WorkflowDetail;
    expect(wf).toMatchObject({
      name: "Suppress hard bounces",
      trigger: "bounce",
      enabled: false,
      currentVersion: 1,
      updatedBy: { username: "admin" },
      lastRun: null,
    });
    expect(wf.document).toEqual(suppressDoc());

    const put = await t.request(`/api/workflows/${wf.id}`, {
      method: "PUT",
      cookie: admin,
      json: suppressDoc({ name: "Renamed" }),
    });
    expect(await put.json()).toMatchObject({ name: "Renamed", currentVersion: 2 });
    const versions = (await (await t.request(`/api/workflows/${wf.id}/versions`, { cookie: admin })).json()) as {
      versions: { version: number }[];
    };
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);

    expect(await (await post(`/api/workflows/${wf.id}/enable`, admin)).json()).toMatchObject({ enabled: true });
    const list = (await (await t.request("/api/workflows", { cookie: admin })).json()) as WorkflowsResponse;
    expect(list.workflows).toHaveLength(1);
    expect(list.workflows[0]).toMatchObject({ enabled: true, currentVersion: 2 });

    const dup = (await (await post(`/api/workflows/${wf.id}/duplicate`, admin)).json()) as WorkflowDetail;
    expect(dup).toMatchObject({ name: "Renamed (copy)", enabled: false, currentVersion: 1 });
    expect(await (await post(`/api/workflows/${wf.id}/disable`, admin)).json()).toMatchObject({ enabled: false });
    expect((await t.request(`/api/workflows/${wf.id}`, { method: "DELETE", cookie: admin })).status).toBe(200);
    expect((await t.request(`/api/workflows/${wf.id}`, { cookie: admin })).status).toBe(404);

    const bad = await post("/api/workflows", admin, { version: 1, name: "x", trigger: { type: "nope" }, steps: [] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("refuses to enable a workflow with validation errors, naming the problems", async () => {
    const doc = suppressDoc({}, { body: undefined });
    const wf = (await (await post("/api/workflows", admin, doc)).json()) as WorkflowDetail;
    expect(wf.problems.some((p) => p.severity === "error")).toBe(true);
    const res = await post(`/api/workflows/${wf.id}/enable`, admin);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; details: { severity: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toMatch(/before it can be enabled/);
    expect(body.error.details.some((p) => p.severity === "error")).toBe(true);
  });

  it("serves the JSON Schema and the template library", async () => {
    const schema = (await (await t.request("/api/workflows/schema", { cookie: admin })).json()) as {
      type?: string;
      properties?: Record<string, unknown>;
    };
    expect(schema.properties).toHaveProperty("steps");
    const templates = (await (await t.request("/api/workflow-templates", { cookie: admin })).json()) as {
      templates: { id: string }[];
    };
    expect(templates.templates.length).toBeGreaterThan(5);
  });

  it("guards by role: viewers and approvers read but cannot change workflows", async () => {
    const viewer = await t.addUser("victor", "viewer");
    const approver = await t.addUser("alice", "approver");
    const wf = (await (await post("/api/workflows", admin, suppressDoc())).json()) as WorkflowDetail;
    for (const cookie of [viewer, approver]) {
      expect((await t.request("/api/workflows", { cookie })).status).toBe(200);
      expect((await post("/api/workflows", cookie, suppressDoc())).status).toBe(403);
      expect((await t.request(`/api/workflows/${wf.id}`, { method: "PUT", cookie, json: suppressDoc() })).status).toBe(
        403,
      );
      expect((await post(`/api/workflows/${wf.id}/enable`, cookie)).status).toBe(403);
      expect(
        (
          await post(`/api/workflows/${wf.id}/test`, cookie, {
            event: { trigger: "bounce", payload: bouncePayload() },
            mode: "dry",
          })
        ).status,
      ).toBe(403);
    }
    expect((await post("/api/approvals/1/approve", viewer)).status).toBe(403);
    expect((await post("/api/workflows", admin, suppressDoc())).status).toBe(201);
    const cross = await t.request("/api/workflows", {
      method: "POST",
      cookie: admin,
      json: suppressDoc(),
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
  });

  it("tests a workflow: dry resolves without sending; real needs confirmation in live mode and records a test run", async () => {
    const wf = (await (await post("/api/workflows", admin, suppressDoc())).json()) as WorkflowDetail;
    const event = { trigger: "bounce", payload: bouncePayload() };
    const dry = (await (
      await post(`/api/workflows/${wf.id}/test`, admin, { event, mode: "dry" })
    ).json()) as TestWorkflowResponse;
    expect(dry).toMatchObject({
      mode: "dry",
      run: null,
      dryRun: {
        ok: true,
        triggerMatched: true,
        steps: [{ status: "would-run", request: { path: "/message-streams/outbound/suppressions" } }],
      },
    });
    expect(workCalls(up.seen)).toHaveLength(0);

    expect((await post(`/api/workflows/${wf.id}/test`, admin, { event, mode: "real" })).status).toBe(400);
    const real = await post(`/api/workflows/${wf.id}/test`, admin, { event, mode: "real", confirmLive: true });
    expect(real.status).toBe(201);
    expect(((await real.json()) as TestWorkflowResponse).run).toMatchObject({
      test: true,
      status: "succeeded",
      eventId: null,
    });
    expect(workCalls(up.seen)).toHaveLength(1);
  });
});

describe("workflows against the sandbox", () => {
  let sb: RunningSandbox;
  let db: TestStore & { dir: string };
  let t: TestApp;

  beforeAll(async () => {
    sb = await startSandbox({ port: 0, eventsPerMinute: 0, historyMessages: 0 });
    db = await sqliteTestStore();
    const server = sb.servers[0]!;
    t = await appOnStore({
      store: db.store,
      dir: db.dir,
      upstreamUrl: sb.url,
      env: { POSTMARK_ACCOUNT_TOKEN: sb.accountToken, POSTMARK_SERVER_TOKEN: server.apiToken },
    });
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
  });
  afterAll(async () => {
    await t.engine.stop();
    await db.cleanup();
    await sb.close();
  });

  it("an event runs the workflow and the action takes effect in the sandbox", async () => {
    const admin = await t.login();
    const server = sb.servers[0]!;
    const wf = (await (
      await t.request("/api/workflows", { method: "POST", cookie: admin, json: suppressDoc() })
    ).json()) as WorkflowDetail;
    expect((await t.request(`/api/workflows/${wf.id}/enable`, { method: "POST", cookie: admin })).status).toBe(200);
    t.publish(1, "bounce", bouncePayload({ ServerID: server.id, Email: "Complainer@Example.net" }));
    await until(async () => {
      const r = (await (await t.request("/api/runs", { cookie: admin })).json()) as { runs: { status: string }[] };
      return r.runs[0]?.status === "succeeded";
    });
    const dump = await t.request("/api/postmark/message-streams/outbound/suppressions/dump", {
      cookie: admin,
      headers: { "x-mailroom-server": String(server.id) },
    });
    const body = (await dump.json()) as { Suppressions: { EmailAddress: string }[] };
    expect(body.Suppressions.map((s) => s.EmailAddress)).toContain("complainer@example.net");
    // The runs an event started can be found by the event (the trigger page links a test event to them).
    const byEvent = (await (await t.request("/api/runs?event=1", { cookie: admin })).json()) as {
      runs: { eventId: number | null }[];
    };
    expect(byEvent.runs.length).toBeGreaterThan(0);
    expect(byEvent.runs.every((r) => r.eventId === 1)).toBe(true);
    expect(
      ((await (await t.request("/api/runs?event=999", { cookie: admin })).json()) as { runs: unknown[] }).runs,
    ).toEqual([]);
  });

  it("retries a step Postmark answers with 429 (the sandbox's simulated rate limit)", async () => {
    const admin = await t.login();
    const server = sb.servers[0]!;
    const simulate = await fetch(`${sb.url}/__sandbox/simulate`, {
      method: "PUT",
      headers: { "X-Postmark-Account-Token": sb.accountToken, "Content-Type": "application/json" },
      body: JSON.stringify({ failNext: { status: 429, count: 1 } }),
    });
    expect(simulate.status).toBe(200);
    t.publish(2, "bounce", bouncePayload({ ServerID: server.id, Email: "Throttled@Example.net" }));
    const run = await until(async () => {
      const r = (await (await t.request("/api/runs", { cookie: admin })).json()) as {
        runs: { id: number; eventId: number | null; status: string }[];
      };
      return r.runs.find((x) => x.eventId === 2 && x.status === "succeeded");
    });
    const detail = (await (await t.request(`/api/runs/${run.id}`, { cookie: admin })).json()) as {
      steps: { attempts: { status: number | null }[] }[];
    };
    expect(detail.steps[0]!.attempts.map((a) => a.status)).toEqual([429, 200]);
  });
});
