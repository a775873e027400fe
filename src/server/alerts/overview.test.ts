import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OverviewResponse } from "../../contract/api/alerts";
import type { ApprovalItem } from "../../contract/api/approvals";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import {
  appOnStore,
  bouncePayload,
  suppressDoc,
  until,
  upstreamHandler,
  type TestApp,
} from "../test-support/workflow-harness";

// The overview's approvals and runs belong to the server the person has selected.
describe("overview scoped to the selected server", () => {
  let up: FakeUpstream;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    db = await sqliteTestStore();
    t = await appOnStore({ store: db.store, dir: db.dir, upstreamUrl: up.url });
    admin = await t.login();
    viewer = await t.addUser("victor", "viewer");
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
  });
  afterEach(async () => {
    await t.engine.stop();
    await db.cleanup();
  });

  const overview = async (server: number) =>
    (await (await t.request(`/api/overview?server=${server}`, { cookie: viewer })).json()) as OverviewResponse;
  const pending = async () =>
    (
      (await (await t.request("/api/approvals?status=pending", { cookie: viewer })).json()) as {
        approvals: ApprovalItem[];
      }
    ).approvals;

  it("counts and lists only the selected server's pending approvals and parked runs (runs of no server show everywhere)", async () => {
    const res = await t.request("/api/workflows", {
      method: "POST",
      cookie: admin,
      json: suppressDoc({}, { approval: "required" }),
    });
    const { id } = (await res.json()) as { id: number };
    expect((await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin })).status).toBe(200);
    // Server 2's event first, so that the oldest approval overall is not server 1's.
    t.publish(1, "bounce", bouncePayload({ ServerID: 2, Email: "two@example.com" }));
    await until(async () => (await pending()).length === 1);
    t.publish(2, "bounce", bouncePayload({ ServerID: 1, Email: "one@example.com" }));
    const items = await until(async () => {
      const p = await pending();
      return p.length === 2 ? p : null;
    });
    const ofServer = (s: number) => items.find((i) => i.event?.serverId === s)!;

    const one = await overview(1);
    expect(one.approvals.pending).toBe(1);
    expect(one.approvals.oldest?.id).toBe(ofServer(1).id);
    expect(one.runs.waiting).toBe(1);
    expect(one.runs.recent.map((r) => r.id)).toEqual([ofServer(1).runId]);

    const two = await overview(2);
    expect(two.approvals.pending).toBe(1);
    expect(two.approvals.oldest?.id).toBe(ofServer(2).id);
    expect(two.runs.recent.map((r) => r.id)).toEqual([ofServer(2).runId]);

    // An event that named no server: its run is shown whichever server is selected.
    const { ServerID: _none, ...noServer } = bouncePayload({ Email: "none@example.com" });
    t.publish(3, "bounce", noServer);
    await until(async () => (await pending()).length === 3);
    expect((await overview(1)).approvals.pending).toBe(2);
    expect((await overview(2)).approvals.pending).toBe(2);
  });
});
