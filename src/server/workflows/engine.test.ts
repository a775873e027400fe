import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunDetail } from "../../contract/api/workflows";
import { startFakeUpstream, type FakeUpstream, type Reply, type Seen } from "../test-support/fake-upstream";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import {
  appOnStore,
  bouncePayload,
  map,
  suppressDoc,
  until,
  upstreamHandler,
  workCalls,
  type TestApp,
} from "../test-support/workflow-harness";

const dialects: [string, () => Promise<TestStore & { dir?: string }>][] = [["sqlite", sqliteTestStore]];
const pg = pgUrl;
if (pg) dialects.push(["postgres", () => pgTestStore(pg)]);

describe.each(dialects)("workflow engine (%s)", (_name, makeStore) => {
  let up: FakeUpstream;
  let custom: (req: Seen) => Reply | null | undefined = () => null;
  let db: TestStore & { dir?: string };
  let t: TestApp;
  let cookie: string;
  const sleeps: number[] = [];

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler((r) => custom(r)));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    custom = () => null;
    up.reset();
    up.reply(upstreamHandler((r) => custom(r)));
    sleeps.length = 0;
    db = await makeStore();
    t = await appOnStore({
      store: db.store,
      dir: db.dir ?? "/tmp",
      upstreamUrl: up.url,
      engine: { sleep: async (ms) => void sleeps.push(ms) },
    });
    cookie = await t.login();
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
  });
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  async function createEnabled(doc: unknown): Promise<number> {
    const res = await t.request("/api/workflows", { method: "POST", cookie, json: doc });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const en = await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie });
    expect(en.status).toBe(200);
    return id;
  }
  const runs = async (q = "") =>
    ((await (await t.request(`/api/runs${q}`, { cookie })).json()) as { runs: { id: number; status: string }[] }).runs;
  const run = async (id: number) => (await (await t.request(`/api/runs/${id}`, { cookie })).json()) as RunDetail;
  const settled = (status: string[] = ["succeeded", "failed", "waiting", "rejected", "expired"]) =>
    until(async () => {
      const r = await runs();
      return r.length > 0 && r.every((x) => status.includes(x.status)) ? r : null;
    });

  it("starts a run for each matching enabled workflow, pinned to its version, and executes through execute()", async () => {
    const id = await createEnabled(suppressDoc({ scope: { streams: ["outbound"] } }));
    await createEnabled(
      suppressDoc({
        name: "soft only",
        trigger: { type: "bounce", conditions: { rules: [{ field: "Type", op: "equals", value: "SoftBounce" }] } },
      }),
    );
    const disabled = await t.request("/api/workflows", {
      method: "POST",
      cookie,
      json: suppressDoc({ name: "disabled" }),
    });
    expect(disabled.status).toBe(201);

    t.publish(10, "bounce", bouncePayload());
    t.publish(11, "bounce", bouncePayload({ MessageStream: "broadcast" })); // out of scope
    t.publish(12, "open", { RecordType: "Open", ServerID: 1 }); // other trigger
    const [only] = await settled();
    expect((await runs()).length).toBe(1);
    const detail = await run(only!.id);
    expect(detail).toMatchObject({
      workflowId: id,
      version: 1,
      status: "succeeded",
      eventId: 10,
      trigger: "bounce",
      serverId: 1,
    });
    expect(detail.steps[0]).toMatchObject({
      status: "succeeded",
      responseStatus: 200,
      attempts: [{ n: 1, status: 200 }],
    });
    const calls = workCalls(up.seen);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("/message-streams/outbound/suppressions");
    expect(calls[0]!.headers["x-postmark-server-token"]).toBe("srv-1");
    expect(JSON.parse(calls[0]!.body)).toEqual({ Suppressions: [{ EmailAddress: "john@example.com" }] });

    // The same event again (bus replay) never starts a second run.
    t.publish(10, "bounce", bouncePayload());
    await new Promise((r) => setTimeout(r, 50));
    expect((await runs()).length).toBe(1);
  });

  it("maps from earlier steps, acts on the step's own server, and ends quietly on a false condition step", async () => {
    custom = (r) =>
      r.url.startsWith("/bounces/692560173") && r.method === "GET"
        ? { body: { ID: 692560173, Email: "Looked@Up.example", TotalCount: 3 } }
        : null;
    await createEnabled({
      version: 1,
      name: "chain",
      trigger: { type: "bounce" },
      steps: [
        { id: "lookup", kind: "action", operationId: "bounces.get", params: { bounceid: map("ID") } },
        {
          id: "enough",
          kind: "condition",
          conditions: { rules: [{ from: "step:lookup", field: "TotalCount", op: "greaterThan", value: 2 }] },
        },
        {
          id: "suppress",
          kind: "action",
          operationId: "suppressions.create",
          serverId: 2,
          params: { streamId: "outbound" },
          body: { Suppressions: [{ EmailAddress: map("Email", "step:lookup") }] },
        },
        {
          id: "stop",
          kind: "condition",
          conditions: { rules: [{ field: "Type", op: "equals", value: "SoftBounce" }] },
        },
        { id: "never", kind: "action", operationId: "bounces.activate", params: { bounceid: map("ID") } },
      ],
    });
    t.publish(20, "bounce", bouncePayload());
    const [r] = await settled();
    const d = await run(r!.id);
    expect(d.status).toBe("succeeded");
    expect(d.steps.map((s) => s.status)).toEqual([
      "succeeded",
      "condition_passed",
      "succeeded",
      "condition_failed",
      "skipped",
    ]);
    const post = workCalls(up.seen).find((s) => s.method === "POST")!;
    expect(post.headers["x-postmark-server-token"]).toBe("srv-2");
    expect(JSON.parse(post.body)).toEqual({ Suppressions: [{ EmailAddress: "Looked@Up.example" }] });
    expect(workCalls(up.seen).some((s) => s.url.includes("/activate"))).toBe(false);
  });

  it("fails a step whose mapping cannot resolve without sending it", async () => {
    await createEnabled(suppressDoc({}, { body: { Suppressions: [{ EmailAddress: map("Metadata.missing") }] } }));
    t.publish(21, "bounce", bouncePayload());
    const [r] = await settled();
    const d = await run(r!.id);
    expect(d.status).toBe("failed");
    expect(d.steps[0]!.error).toMatchObject({ code: "unresolved" });
    expect(workCalls(up.seen)).toHaveLength(0);
  });

  it("retries 429, 5xx and network errors with growing, jittered backoff, then succeeds", async () => {
    let n = 0;
    custom = (r) => {
      if (!r.url.includes("suppressions")) return null;
      n++;
      return n === 1
        ? { status: 429, body: { ErrorCode: 429, Message: "Rate limit" } }
        : n === 2
          ? { status: 503, body: {} }
          : n === 3
            ? "destroy"
            : null;
    };
    await createEnabled(suppressDoc());
    t.publish(30, "bounce", bouncePayload());
    const [r] = await settled();
    const d = await run(r!.id);
    expect(d.status).toBe("succeeded");
    expect(d.steps[0]!.attempts.map((a) => a.status)).toEqual([429, 503, null, 200]);
    expect(sleeps).toEqual([375, 750, 1500]); // 500·2^(n−1) × jitter 0.75
  });

  it("gives up after the configured attempts, and fails a 4xx at once with Postmark's error", async () => {
    custom = (r) => (r.url.includes("suppressions") ? { status: 500, body: { ErrorCode: 0, Message: "Oops" } } : null);
    await createEnabled(suppressDoc());
    t.publish(31, "bounce", bouncePayload());
    let [r] = await settled();
    let d = await run(r!.id);
    expect(d.status).toBe("failed");
    expect(d.steps[0]!.attempts).toHaveLength(5);

    custom = (req) =>
      req.url.includes("suppressions") ? { status: 422, body: { ErrorCode: 1235, Message: "Stream not found" } } : null;
    up.seen.length = 0;
    t.publish(32, "bounce", bouncePayload());
    await until(async () => (await runs()).length === 2 && (await runs())[0]!.status === "failed");
    [r] = await runs();
    d = await run(r!.id);
    expect(d.steps[0]).toMatchObject({
      status: "failed",
      responseStatus: 422,
      error: { errorCode: 1235, message: "Stream not found" },
    });
    expect(d.steps[0]!.attempts).toHaveLength(1);
    expect(workCalls(up.seen)).toHaveLength(1);
  });

  it("surfaces per-item errors of a batch answer", async () => {
    custom = (r) =>
      r.url === "/email/batch"
        ? {
            body: [
              { ErrorCode: 0, Message: "OK", To: "a@x.com" },
              { ErrorCode: 406, Message: "Inactive recipient", To: "b@x.com" },
            ],
          }
        : null;
    await createEnabled({
      version: 1,
      name: "batch",
      trigger: { type: "bounce" },
      steps: [
        {
          id: "send",
          kind: "action",
          operationId: "email.sendBatch",
          body: [
            { From: "a@me.com", To: "a@x.com", Subject: "s", TextBody: "t" },
            { From: "a@me.com", To: "b@x.com", Subject: "s", TextBody: "t" },
          ],
        },
      ],
    });
    t.publish(40, "bounce", bouncePayload());
    const [r] = await settled();
    const d = await run(r!.id);
    expect(d.steps[0]).toMatchObject({
      status: "partial",
      itemErrors: [{ index: 1, errorCode: 406, message: "Inactive recipient" }],
    });
  });

  it("re-runs a run with the current version", async () => {
    const id = await createEnabled(suppressDoc());
    t.publish(50, "bounce", bouncePayload());
    const [r] = await settled();
    await t.request(`/api/workflows/${id}`, { method: "PUT", cookie, json: suppressDoc({ name: "v2" }) });
    const res = await t.request(`/api/runs/${r!.id}/rerun`, { method: "POST", cookie });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 2, rerunOf: r!.id, status: "succeeded", eventId: 50 });
    const list = (await (await t.request(`/api/runs?workflow=${id}&status=succeeded&limit=1`, { cookie })).json()) as {
      runs: unknown[];
      nextBefore: number | null;
    };
    expect(list.runs).toHaveLength(1);
    expect(list.nextBefore).not.toBeNull();
  });
});
