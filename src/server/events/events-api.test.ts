import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EventsResponse, FeedEvent } from "../../contract/api/events";
import { triggerIds } from "../../contract/postmark/triggers";
import { createHarness, type Harness } from "../test-support/harness";
import { examplePayload, webhookEnv, webhookHeaders } from "../test-support/webhooks";
import { pruneEvents } from "./retention";

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = await createHarness({ env: webhookEnv });
  admin = await h.login();
});
afterEach(() => h.cleanup());

const post = (body: unknown, path = "/webhooks/postmark") =>
  h.app.request(path, { method: "POST", headers: webhookHeaders(), body: JSON.stringify(body) });

async function seed(n: number) {
  for (let i = 0; i < n; i++) {
    const t = triggerIds[i % triggerIds.length]!;
    const extra =
      t === "inbound"
        ? { Subject: `hello ${i}` }
        : { Tag: i % 3 === 0 ? "welcome" : "digest", MessageStream: i % 2 ? "outbound" : "broadcast" };
    expect((await post(examplePayload(t, extra), `/webhooks/postmark?server=${i % 3 === 0 ? 2 : 1}`)).status).toBe(200);
  }
}

const list = async (query: string) => {
  const res = await h.request(`/api/events?${query}`, { cookie: admin });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as EventsResponse;
};

async function walk(query: string, limit: number): Promise<FeedEvent[]> {
  const all: FeedEvent[] = [];
  let before: number | null = null;
  for (;;) {
    const page: EventsResponse = await list(`${query}&limit=${limit}${before ? `&before=${before}` : ""}`);
    all.push(...page.events);
    if (page.nextBefore === null) break;
    before = page.nextBefore;
  }
  return all;
}

describe("GET /api/events", () => {
  it("needs a session", async () => {
    expect((await h.request("/api/events")).status).toBe(401);
    expect((await h.request("/api/events/stream")).status).toBe(401);
  });

  it("pages newest first by keyset with no gaps or duplicates, with and without filters", async () => {
    await seed(60);
    const everything = await walk("", 7);
    expect(everything).toHaveLength(60);
    const ids = everything.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(60);

    const bounces = await walk("types=bounce,open", 2);
    expect(bounces.length).toBe(everything.filter((e) => e.trigger === "bounce" || e.trigger === "open").length);
    expect(bounces.every((e) => e.trigger === "bounce" || e.trigger === "open")).toBe(true);

    const tagged = await walk("tag=welcome&stream=broadcast", 3);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((e) => e.summary.tag === "welcome" && e.summary.messageStream === "broadcast")).toBe(true);
    expect(tagged.length).toBe(
      everything.filter((e) => e.summary.tag === "welcome" && e.summary.messageStream === "broadcast").length,
    );

    const server2 = await walk("server=2", 5);
    expect(server2.every((e) => e.serverId === 2 || (e.trigger !== "inbound" && e.serverId !== null))).toBe(true);
    expect(server2.some((e) => e.trigger === "inbound" && e.serverId === 2)).toBe(true);

    const q = await walk("q=HELLO%2018", 10);
    expect(q.map((e) => e.summary.subject)).toEqual(["hello 18"]);
  });

  it("filters by recipient or sender substring, case-insensitively, and unrecognised", async () => {
    await post(examplePayload("delivery", { Recipient: "Alice.Smith@Example.com" }));
    await post(
      examplePayload("inbound", { From: "alice.smith@example.com", FromFull: { Email: "alice.smith@example.com" } }),
    );
    await post(examplePayload("open", { Recipient: "bob@example.com" }));
    await post({ Weird: true, Recipient: "alice.smith@example.com" });
    expect((await list("recipient=ALICE.smith")).events).toHaveLength(3);
    expect((await list("recipient=100%25")).events).toHaveLength(0);
    const unrec = await list("types=unrecognised");
    expect(unrec.events).toHaveLength(1);
    expect(unrec.events[0]!.flags.unrecognised).toBe(true);
  });

  it("reads newer events with after=", async () => {
    await seed(10);
    const newest = (await list("limit=1")).events[0]!.id;
    const after = await list(`after=${newest - 4}&limit=2`);
    expect(after.events.map((e) => e.id)).toEqual([newest - 2, newest - 3]);
    expect(after.nextAfter).toBe(newest - 2);
  });

  it("rejects bad paging parameters and never uses OFFSET", async () => {
    expect((await h.request("/api/events?limit=501", { cookie: admin })).status).toBe(400);
    expect((await h.request("/api/events?types=nope", { cookie: admin })).status).toBe(400);
    expect((await h.request("/api/events/999", { cookie: admin })).status).toBe(404);
  });
});

describe("retention", () => {
  it("prunes events older than the retention in batches", async () => {
    await seed(5);
    h.clock.advance(91 * 86_400_000);
    await seed(3);
    const removed = await pruneEvents({ repo: h.services.events.repo, clock: h.clock, retentionDays: 90, batch: 2 });
    expect(removed).toBe(5);
    expect(await h.services.events.repo.count()).toBe(3);
  });
});

describe("POST /api/events/test (live mode)", () => {
  it("stores the trigger's example flagged as a test, for operators", async () => {
    const live = await createHarness({
      env: { ...webhookEnv, POSTMARK_SERVER_TOKEN: "t", POSTMARK_API_URL: "http://127.0.0.1:9" },
    });
    try {
      const op = await live.addUser("op1", "operator");
      const res = await live.request("/api/events/test", {
        method: "POST",
        cookie: op,
        body: JSON.stringify({ trigger: "bounce", serverId: 5 }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { mode: string; event: FeedEvent };
      expect(body.mode).toBe("live");
      expect(body.event.flags.test).toBe(true);
      expect(body.event.trigger).toBe("bounce");
      expect(await live.services.events.repo.count()).toBe(1);
      const viewer = await live.addUser("v1", "viewer");
      expect(
        (
          await live.request("/api/events/test", {
            method: "POST",
            cookie: viewer,
            body: JSON.stringify({ trigger: "open" }),
          })
        ).status,
      ).toBe(403);
    } finally {
      await live.cleanup();
    }
  });
});
