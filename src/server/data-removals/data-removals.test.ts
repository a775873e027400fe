import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DataRemovalRecord } from "../../contract/api/data-removals";
import { startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";
import { dataRemovalStatusTask } from "./status-task";

const ACCOUNT = "account-token-removals";

/** Postmark's data removal API: requests start Pending; `finish` marks one Done. */
function removalsApi() {
  const requests = new Map<number, string>();
  let next = 500;
  let refuseNext: { ErrorCode: number; Message: string } | null = null;
  const handler = (req: Seen) => {
    if (req.headers["x-postmark-account-token"] !== ACCOUNT)
      return { status: 401, body: { ErrorCode: 10, Message: "No token." } };
    if (req.method === "POST" && req.url === "/data-removals") {
      if (refuseNext) {
        const body = refuseNext;
        refuseNext = null;
        return { status: 422, body };
      }
      const id = next++;
      requests.set(id, "Pending");
      return { body: { ID: id, Status: "Pending" } };
    }
    const m = /^\/data-removals\/(\d+)$/.exec(req.url);
    const status = m ? requests.get(Number(m[1])) : undefined;
    if (req.method === "GET" && status) return { body: { ID: Number(m![1]), Status: status } };
    return { status: 422, body: { ErrorCode: 1301, Message: "The data removal request was not found." } };
  };
  return {
    handler,
    finish: (id: number) => requests.set(id, "Done"),
    refuse: (e: { ErrorCode: number; Message: string }) => void (refuseNext = e),
  };
}

describe("data removal requests kept in Mailroom", () => {
  let up: FakeUpstream;
  let h: Harness;
  let admin: string;
  const api = removalsApi();
  beforeAll(async () => {
    up = await startFakeUpstream(api.handler);
    h = await createHarness({ env: { POSTMARK_API_URL: up.url, POSTMARK_ACCOUNT_TOKEN: ACCOUNT } });
    admin = await h.login();
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });
  beforeEach(() => up.seen.splice(0));

  const post = (cookie: string, body: unknown) =>
    h.request("/api/data-removals", { method: "POST", cookie, body: JSON.stringify(body) });
  const list = async (cookie: string) =>
    ((await (await h.request("/api/data-removals", { cookie })).json()) as { removals: DataRemovalRecord[] }).removals;
  const getRemovalCalls = () => up.seen.filter((s) => s.method === "GET" && s.url.startsWith("/data-removals/")).length;

  it("creates a request with Postmark and keeps who asked, when and for whom, for every admin", async () => {
    const res = await post(admin, {
      RequestedFor: "leaver@example.org",
      RequestedBy: "dpo@lumenapp.io",
      NotifyWhenCompleted: true,
    });
    expect(res.status).toBe(201);
    const rec = (await res.json()) as DataRemovalRecord;
    expect(rec).toMatchObject({
      postmarkId: 500,
      requestedFor: "leaver@example.org",
      requestedBy: "dpo@lumenapp.io",
      createdBy: "admin",
      status: "Pending",
      completedAt: null,
    });
    expect(JSON.parse(up.seen.at(-1)!.body)).toEqual({
      RequestedFor: "leaver@example.org",
      RequestedBy: "dpo@lumenapp.io",
      NotifyWhenCompleted: true,
    });
    const other = await h.addUser("otheradmin", "admin");
    expect((await list(other)).map((r) => r.requestedFor)).toEqual(["leaver@example.org"]);
  });

  it("refuses non-admins, bad input, and keeps nothing Postmark refused (its error passed on as it came)", async () => {
    const operator = await h.addUser("operator1", "operator");
    expect((await h.request("/api/data-removals", { cookie: operator })).status).toBe(403);
    expect((await post(operator, { RequestedFor: "a@example.org", RequestedBy: "b@example.org" })).status).toBe(403);
    const bad = await post(admin, { RequestedFor: "not an address", RequestedBy: "dpo@lumenapp.io" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    const before = (await list(admin)).length;
    api.refuse({ ErrorCode: 1302, Message: "Data removal requests are not enabled for this account." });
    const refused = await post(admin, { RequestedFor: "x@example.org", RequestedBy: "dpo@lumenapp.io" });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      ErrorCode: 1302,
      Message: "Data removal requests are not enabled for this account.",
    });
    expect((await list(admin)).length).toBe(before);
  });

  it("the periodic task checks open requests until Postmark reports them done, on its own clock", async () => {
    const task = dataRemovalStatusTask({
      service: h.services.dataRemovals,
      logger: h.logger,
      clock: h.clock,
      everyMs: 60_000,
    });
    const created = (await (
      await post(admin, { RequestedFor: "second@example.org", RequestedBy: "dpo@lumenapp.io" })
    ).json()) as DataRemovalRecord;
    up.seen.splice(0);
    // Just created (checked at creation): not due yet.
    await task.run();
    expect(getRemovalCalls()).toBe(0);
    h.clock.advance(60_000);
    await task.run();
    expect(getRemovalCalls()).toBe(2); // both open requests
    expect((await list(admin)).find((r) => r.id === created.id)?.status).toBe("Pending");

    api.finish(created.postmarkId);
    h.clock.advance(60_000);
    await task.run();
    const done = (await list(admin)).find((r) => r.id === created.id)!;
    expect(done.status).toBe("Done");
    expect(done.completedAt).toBe(new Date(h.clock()).toISOString());

    // A completed request is never asked about again.
    up.seen.splice(0);
    h.clock.advance(60_000);
    await task.run();
    expect(up.seen.some((s) => s.url === `/data-removals/${created.postmarkId}`)).toBe(false);
  });

  it("checks one request now, and records why a check failed", async () => {
    const rec = (await list(admin)).find((r) => r.status === "Pending")!;
    const res = await h.request(`/api/data-removals/${rec.id}/check`, { method: "POST", cookie: admin });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DataRemovalRecord).statusCheckedAt).toBe(new Date(h.clock()).toISOString());
    expect((await h.request("/api/data-removals/99999/check", { method: "POST", cookie: admin })).status).toBe(404);

    // A request Postmark no longer knows: the error is kept on the record, the request stays open.
    await h.store.db.updateTable("data_removals").set({ postmark_id: 424242 }).where("id", "=", rec.id).execute();
    const failed = (await (
      await h.request(`/api/data-removals/${rec.id}/check`, { method: "POST", cookie: admin })
    ).json()) as DataRemovalRecord;
    expect(failed.lastError).toBe("ErrorCode 1301: The data removal request was not found.");
    expect(failed.completedAt).toBeNull();
  });

  it("checks with the authority of the person who asked, and says so when they are gone", async () => {
    const cookie = await h.addUser("leavingadmin", "admin");
    const rec = (await (
      await post(cookie, { RequestedFor: "third@example.org", RequestedBy: "dpo@lumenapp.io" })
    ).json()) as DataRemovalRecord;
    const user = await h.store.users.byUsername("leavingadmin");
    await h.store.db.deleteFrom("sessions").where("user_id", "=", user!.id).execute();
    await h.store.users.remove(user!.id);
    h.clock.advance(10 * 60_000);
    await h.services.dataRemovals.checkOpen(h.clock(), { minAgeMs: 0 });
    expect((await list(admin)).find((r) => r.id === rec.id)?.lastError).toMatch(/no longer has an account/);
  });

  it("keeps a request made through the Operations explorer or by a workflow step, once, and not one Postmark refused", async () => {
    const before = (await list(admin)).length;
    // The explorer sends it through the proxy, as the browser would.
    const proxied = await h.request("/api/postmark/data-removals", {
      method: "POST",
      cookie: admin,
      body: JSON.stringify({ RequestedFor: "explorer@example.org", RequestedBy: "dpo@lumenapp.io" }),
    });
    expect(proxied.status).toBe(200);
    const { ID } = (await proxied.json()) as { ID: number };
    // A workflow step calls execute() by operation id, as its version's author.
    const author = await h.store.users.byUsername("admin");
    const step = await h.services.execute({
      operationId: "dataRemovals.create",
      body: { RequestedFor: "workflow@example.org", RequestedBy: "dpo@lumenapp.io" },
      user: { id: Number(author!.id), username: "admin", role: "admin" },
    });
    expect(step.status).toBe(200);
    api.refuse({ ErrorCode: 1300, Message: "Refused." });
    const refused = await h.request("/api/postmark/data-removals", {
      method: "POST",
      cookie: admin,
      body: JSON.stringify({ RequestedFor: "refused@example.org", RequestedBy: "dpo@lumenapp.io" }),
    });
    expect(refused.status).toBe(422);

    const kept = await list(admin);
    expect(kept).toHaveLength(before + 2);
    expect(kept.find((r) => r.requestedFor === "explorer@example.org")).toMatchObject({
      postmarkId: ID,
      requestedBy: "dpo@lumenapp.io",
      createdBy: "admin",
      status: "Pending",
    });
    expect(kept.find((r) => r.requestedFor === "workflow@example.org")?.postmarkId).toBe(
      JSON.parse(step.body).ID as number,
    );
    expect(kept.some((r) => r.requestedFor === "refused@example.org")).toBe(false);
    // The page's own form records through the same path: still one row per request.
    const viaPage = (await (
      await post(admin, { RequestedFor: "page@example.org", RequestedBy: "dpo@lumenapp.io" })
    ).json()) as DataRemovalRecord;
    expect((await list(admin)).filter((r) => r.postmarkId === viaPage.postmarkId)).toHaveLength(1);
  });
});
