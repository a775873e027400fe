// Attacks on "automation acts only with the authority of the people behind it" (issue 9), each
// performed through the Hono app against a recording fake Postmark, and each refused; plus the
// legitimate path (an admin's destructive workflow, approved by two others, runs exactly once).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApprovalItem, DecisionResponse } from "../../contract/api/approvals";
import type { AuditRecord } from "../../contract/api/audit";
import type { RunDetail, WorkflowDetail, WorkflowSummary } from "../../contract/api/workflows";
import type { Role } from "../../contract/api/auth";
import { SESSION_COOKIE } from "../auth/cookie";
import { startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
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

/** A workflow that deletes server 3 on any bounce. */
const deleteServerDoc = (step: Record<string, unknown> = {}) => ({
  version: 1,
  name: "Delete server 3",
  trigger: { type: "bounce" },
  steps: [
    { id: "wipe", kind: "action", operationId: "servers.delete", params: { serverid: 3 }, approval: "auto", ...step },
  ],
});

/** A workflow that sends a fixed email on any bounce (one approver). */
const sendDoc = () => ({
  version: 1,
  name: "Tell ops",
  trigger: { type: "bounce" },
  steps: [
    {
      id: "tell",
      kind: "action",
      operationId: "email.send",
      body: {
        From: "mailroom@lumenapp.io",
        To: "ops@lumenapp.io",
        Subject: "Bounce",
        TextBody: "Last week felix96@comcast.net bounced too.",
      },
      approval: "required",
    },
  ],
});

const deletes = (seen: Seen[]) => seen.filter((s) => s.method === "DELETE" && s.url.startsWith("/servers/"));
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("workflow authority and approvals (security)", () => {
  let up: FakeUpstream;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let admin: string;
  let operator: string;
  let approver: string;
  let approver2: string;
  let viewer: string;
  const bounce = (id: number) => ({ id, trigger: "bounce" as const, serverId: 1, payload: bouncePayload({ ID: id }) });

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    up.reset();
    up.reply(upstreamHandler(() => null));
    db = await sqliteTestStore();
    t = await appOnStore({ store: db.store, dir: db.dir, upstreamUrl: up.url });
    admin = await t.login();
    operator = await signedIn("olga", "operator");
    approver = await signedIn("alice", "approver");
    approver2 = await signedIn("amos", "approver");
    viewer = await signedIn("victor", "viewer");
  });

  /** A user with a session, without password hashing (sign-in itself is tested elsewhere). */
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
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  const userId = async (name: string) => Number((await db.store.users.byUsername(name))!.id);
  const post = (path: string, cookie: string, json: unknown = {}) => t.request(path, { method: "POST", cookie, json });
  const summaries = async () =>
    ((await (await t.request("/api/workflows", { cookie: viewer })).json()) as { workflows: WorkflowSummary[] })
      .workflows;
  const run = async (id: number) =>
    (await (await t.request(`/api/runs/${id}`, { cookie: viewer })).json()) as RunDetail;
  const pending = async () =>
    ((await (await t.request("/api/approvals", { cookie: viewer })).json()) as { approvals: ApprovalItem[] }).approvals;
  const settled = (id: number) =>
    until(async () => ((await run(id)).status !== "queued" && (await run(id)).status !== "running" ? run(id) : null));

  /** An operator's workflow as an older Mailroom stored it (no role on the version), enabled. */
  async function legacyOperatorWorkflow(doc: unknown) {
    const { workflows } = t.services.workflows;
    const id = await workflows.create({
      name: "legacy",
      description: "",
      trigger: "bounce",
      document: doc,
      author: { id: await userId("olga"), username: "olga", role: null },
      now: new Date(t.clock()).toISOString(),
    });
    await workflows.setEnabled(id, true, new Date(t.clock()).toISOString());
    t.engine.invalidate();
    return id;
  }

  async function createEnabled(cookie: string, doc: unknown) {
    const res = await post("/api/workflows", cookie, doc);
    expect(res.status).toBe(201);
    const wf = (await res.json()) as WorkflowDetail;
    expect((await post(`/api/workflows/${wf.id}/enable`, cookie)).status).toBe(200);
    t.engine.invalidate();
    return wf.id;
  }

  it("refuses an operator saving a destructive step (create, update, duplicate), naming the step", async () => {
    expect((await t.request("/api/postmark/servers/3", { method: "DELETE", cookie: operator })).status).toBe(403);
    const res = await post("/api/workflows", operator, deleteServerDoc());
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(
      /Step "wipe" calls "Delete a server", a destructive operation, which an operator may not call/,
    );

    const mine = await createEnabled(operator, suppressDoc());
    const put = await t.request(`/api/workflows/${mine}`, {
      method: "PUT",
      cookie: operator,
      json: deleteServerDoc({ approval: "required" }),
    });
    expect(put.status).toBe(403);
    expect(
      (await (await t.request(`/api/workflows/${mine}`, { cookie: operator })).json()) as WorkflowDetail,
    ).toMatchObject({ currentVersion: 1 });

    const admins = await post("/api/workflows", admin, deleteServerDoc({ approval: "required" }));
    expect(admins.status).toBe(201);
    const { id } = (await admins.json()) as WorkflowDetail;
    expect((await post(`/api/workflows/${id}/duplicate`, operator)).status).toBe(403);
    expect(deletes(up.seen)).toHaveLength(0);
  });

  it("a destructive step without approval is an error unless an admin saves it", async () => {
    expect((await post("/api/workflows", admin, deleteServerDoc())).status).toBe(201);
    const imported = await post("/api/workflows", operator, {
      ...deleteServerDoc({ approvalPolicy: { approvers: 1, allowSelfApproval: true } }),
      name: "imported",
    });
    expect(imported.status).toBe(403);
  });

  it("an operator's older destructive auto workflow in the store is disabled, not run; forced runs, re-runs and tests are refused", async () => {
    const id = await legacyOperatorWorkflow(deleteServerDoc());
    expect(await t.engine.startRuns(bounce(1))).toEqual([]);
    const [wf] = await summaries();
    expect(wf).toMatchObject({ id, enabled: false });
    expect(wf!.disabledReason).toMatch(/its author olga now acts as operator: Step "wipe" calls "Delete a server"/);
    expect((await post(`/api/workflows/${id}/enable`, admin)).status).toBe(409);

    // Defence in depth: a run that exists anyway (started before the change) does not call Postmark.
    const v = (await t.services.workflows.workflows.version(id, 1))!;
    const forced = await t.engine.createRun(id, v.id, 1, bounce(2), { createdBy: "test" });
    const detail = (await t.engine.runNow(forced))!;
    expect(detail.status).toBe("failed");
    expect((await run(forced)).steps[0]).toMatchObject({ status: "failed", error: { code: "forbidden" } });
    expect(detail.error).toMatch(/Step "wipe" was not sent: .*may not call/);

    const rerun = await post(`/api/runs/${forced}/rerun`, admin);
    expect(rerun.status).toBe(409);
    expect((await errorOf(rerun)).message).toMatch(/olga now acts as operator/);
    const test = await post(`/api/workflows/${id}/test`, admin, {
      event: { trigger: "bounce", payload: bouncePayload() },
      mode: "real",
      confirmLive: true,
    });
    expect(test.status).toBe(409);
    expect(deletes(up.seen)).toHaveLength(0);
  });

  it("an operator may not re-run or test for real an admin's workflow whose destructive step runs without approval", async () => {
    const id = await createEnabled(admin, deleteServerDoc());
    const test = await post(`/api/workflows/${id}/test`, operator, {
      event: { trigger: "bounce", payload: bouncePayload() },
      mode: "real",
      confirmLive: true,
    });
    expect(test.status).toBe(403);
    const [runId] = await t.engine.startRuns(bounce(1));
    await settled(runId!);
    expect(deletes(up.seen)).toHaveLength(1);
    const rerun = await post(`/api/runs/${runId}/rerun`, operator);
    expect(rerun.status).toBe(403);
    expect(deletes(up.seen)).toHaveLength(1);
  });

  it("an operator's test event may not start an admin's workflow whose destructive step runs without approval", async () => {
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
    const storedEvents = () => t.services.events.repo.count();
    const id = await createEnabled(admin, deleteServerDoc());
    const refused = await post("/api/events/test", operator, { trigger: "bounce", serverId: 1 });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(
      /^Your role \(operator\) may not send this test event: it would start the workflow "Delete server 3": Step "wipe" calls "Delete a server"/,
    );
    expect(await storedEvents()).toBe(0);
    expect(deletes(up.seen)).toHaveLength(0);

    // With that step waiting for approval the operator's event only parks it; an admin's event runs it.
    const put = await t.request(`/api/workflows/${id}`, {
      method: "PUT",
      cookie: admin,
      json: deleteServerDoc({ approval: "required" }),
    });
    expect(put.status).toBe(200);
    expect((await post(`/api/workflows/${id}/enable`, admin)).status).toBe(200);
    t.engine.invalidate();
    expect((await post("/api/events/test", operator, { trigger: "bounce", serverId: 1 })).status).toBe(201);
    await until(async () => (await pending()).length === 1);
    expect(deletes(up.seen)).toHaveLength(0);

    await t.request(`/api/workflows/${id}`, { method: "PUT", cookie: admin, json: deleteServerDoc() });
    await post(`/api/workflows/${id}/enable`, admin);
    t.engine.invalidate();
    expect((await post("/api/events/test", admin, { trigger: "bounce", serverId: 1 })).status).toBe(201);
    await until(async () => deletes(up.seen).length === 1);
  });

  it("demoting the author disables their workflows with a reason, and no new runs start", async () => {
    const id = await createEnabled(operator, suppressDoc());
    const res = await t.request(`/api/users/${await userId("olga")}`, {
      method: "PATCH",
      cookie: admin,
      json: { role: "approver" },
    });
    expect(res.status).toBe(200);
    const [wf] = await summaries();
    expect(wf).toMatchObject({ id, enabled: false });
    expect(wf!.disabledReason).toMatch(
      /^Disabled because its author olga now acts as approver: Step "suppress" calls "Add addresses to suppression list", a write operation, which an approver may not call\. Someone whose role allows every step must save it again\.$/,
    );
    expect(await t.engine.startRuns(bounce(1))).toEqual([]);
    expect(workCalls(up.seen)).toHaveLength(0);

    // Saving it again as someone with the role clears the reason; then it can be enabled.
    const put = await t.request(`/api/workflows/${id}`, { method: "PUT", cookie: admin, json: suppressDoc() });
    expect(((await put.json()) as WorkflowDetail).disabledReason).toBeNull();
    expect((await post(`/api/workflows/${id}/enable`, admin)).status).toBe(200);
  });

  it("removing the author disables their workflows with a reason, and no new runs start", async () => {
    await createEnabled(operator, suppressDoc());
    expect((await t.request(`/api/users/${await userId("olga")}`, { method: "DELETE", cookie: admin })).status).toBe(
      200,
    );
    const [wf] = await summaries();
    expect(wf).toMatchObject({
      enabled: false,
      disabledReason:
        "Disabled because its author olga no longer exists. Someone whose role allows every step must save it again.",
    });
    expect(await t.engine.startRuns(bounce(1))).toEqual([]);
    expect(workCalls(up.seen)).toHaveLength(0);
  });

  it("a step parked before its author was demoted does not execute when approved", async () => {
    await createEnabled(operator, suppressDoc({}, { approval: "required" }));
    await t.engine.startRuns(bounce(1));
    const item = await until(async () => (await pending())[0]);
    // Demoted directly in the store: the engine re-checks at execution, whatever the routes did.
    await db.store.users.update(await userId("olga"), { role: "viewer", now: new Date(t.clock()).toISOString() });
    const res = await post(`/api/approvals/${item.id}/approve`, approver);
    expect(res.status).toBe(200);
    expect((await res.json()) as DecisionResponse).toMatchObject({
      executed: true,
      approval: { status: "approved", outcome: "failed" },
    });
    expect((await run(item.runId)).error).toMatch(/a viewer may not call/);
    expect(workCalls(up.seen)).toHaveLength(0);
  });

  it("an approver cannot edit a request whose operation they may not call; viewers cannot either", async () => {
    await createEnabled(admin, sendDoc());
    await t.engine.startRuns(bounce(1));
    const item = await until(async () => (await pending())[0]);
    const edit = { body: { From: "mailroom@lumenapp.io", To: "attacker@evil.example", Subject: "Hi", TextBody: "x" } };
    const byApprover = await post(`/api/approvals/${item.id}/approve`, approver, edit);
    expect(byApprover.status).toBe(403);
    expect((await errorOf(byApprover)).message).toMatch(/may not call write operations such as "Send a single email"/);
    expect((await post(`/api/approvals/${item.id}/approve`, viewer, edit)).status).toBe(403);
    expect((await pending())[0]).toMatchObject({ edited: false, edit: null, approvals: [] });
    expect(workCalls(up.seen)).toHaveLength(0);
  });

  it("an edit is not an approval: the edited request is shown with its diff and needs someone else", async () => {
    await createEnabled(admin, sendDoc());
    await t.engine.startRuns(bounce(1));
    const item = await until(async () => (await pending())[0]);
    const edit = {
      body: {
        From: "mailroom@lumenapp.io",
        To: "attacker@evil.example",
        Subject: "Bounce",
        TextBody: "Last week felix96@comcast.net bounced too.",
      },
    };
    const res = await post(`/api/approvals/${item.id}/approve`, operator, edit);
    expect(res.status).toBe(200);
    const edited = (await res.json()) as DecisionResponse;
    expect(edited).toMatchObject({ executed: false, approval: { status: "pending", edited: true, approvals: [] } });
    expect(edited.approval.edit).toMatchObject({
      by: "olga",
      byId: await userId("olga"),
      original: { body: { To: "ops@lumenapp.io" } },
      originalBlastRadius: { addresses: ["ops@lumenapp.io"] },
      changes: [{ path: "body.To", kind: "changed", before: "ops@lumenapp.io", after: "attacker@evil.example" }],
    });
    expect(edited.approval.blastRadius).toMatchObject({
      recipients: 1,
      addresses: ["attacker@evil.example"],
      domains: ["evil.example"],
    });
    expect(workCalls(up.seen)).toHaveLength(0);

    // The editor's own approval does not count; signed links made before the edit no longer apply.
    const own = await post(`/api/approvals/${item.id}/approve`, operator);
    expect(own.status).toBe(403);
    expect((await errorOf(own)).message).toMatch(/You edited this request/);
    expect(workCalls(up.seen)).toHaveLength(0);

    const other = await post(`/api/approvals/${item.id}/approve`, approver);
    expect((await other.json()) as DecisionResponse).toMatchObject({
      executed: true,
      approval: { status: "approved", outcome: "succeeded" },
    });
    const calls = workCalls(up.seen);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ To: "attacker@evil.example" });
  });

  it("an edit voids signed links made for the request as it was", async () => {
    await createEnabled(admin, sendDoc());
    await t.engine.startRuns(bounce(1));
    const item = await until(async () => (await pending())[0]);
    const link = (await (await post(`/api/approvals/${item.id}/link`, approver)).json()) as { url: string };
    const token = link.url.split("/approve/")[1]!;
    expect(
      (
        await post(`/api/approvals/${item.id}/approve`, operator, {
          body: { From: "mailroom@lumenapp.io", To: "x@evil.example" },
        })
      ).status,
    ).toBe(200);
    expect((await post(`/api/approval-links/${token}/approve`, approver)).status).toBe(410);
    expect(workCalls(up.seen)).toHaveLength(0);
  });

  it("lists as recipients only To, Cc and Bcc of a parked send, never addresses in its body", async () => {
    await createEnabled(admin, sendDoc());
    await t.engine.startRuns(bounce(1));
    const item = await until(async () => (await pending())[0]);
    expect(item.blastRadius).toEqual({
      recipients: 1,
      addresses: ["ops@lumenapp.io"],
      domains: ["lumenapp.io"],
      serverId: 1,
    });
  });

  it("an admin's destructive workflow, approved by two other people, runs exactly once, recorded as the admin and the run", async () => {
    const id = await createEnabled(admin, deleteServerDoc({ approval: "required" }));
    const [runId] = await t.engine.startRuns(bounce(1));
    const item = await until(async () => (await pending())[0]);
    expect(item.policy).toMatchObject({ approvers: 2, allowSelfApproval: false, author: "admin" });
    expect((await post(`/api/approvals/${item.id}/approve`, admin)).status).toBe(403);
    expect(
      (await (await post(`/api/approvals/${item.id}/approve`, approver)).json()) as DecisionResponse,
    ).toMatchObject({ executed: false });
    expect(deletes(up.seen)).toHaveLength(0);
    expect(
      (await (await post(`/api/approvals/${item.id}/approve`, approver2)).json()) as DecisionResponse,
    ).toMatchObject({ executed: true, approval: { outcome: "succeeded" } });
    expect(deletes(up.seen)).toHaveLength(1);
    expect((await post(`/api/approvals/${item.id}/approve`, operator)).status).toBe(409);
    expect(deletes(up.seen)).toHaveLength(1);

    const audit = (await (await t.request("/api/audit?action=postmark.write", { cookie: admin })).json()) as {
      records: AuditRecord[];
    };
    expect(audit.records[0]).toMatchObject({
      actor: { name: "admin", userId: await userId("admin") },
      target: "DELETE /servers/3",
      details: { role: "admin", workflow: { runId, workflowId: id, version: 1, stepId: "wipe" } },
    });
  });
});
