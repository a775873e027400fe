import http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StreamEventData } from "../../contract/api/events";
import { createHarness, type Harness } from "../test-support/harness";
import { serveApp } from "../test-support/serve";
import { openSse } from "../test-support/sse-client";
import { examplePayload, webhookEnv, webhookHeaders } from "../test-support/webhooks";

let h: Harness;
let srv: Awaited<ReturnType<typeof serveApp>>;
let cookie: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

beforeEach(async () => {
  h = await createHarness({ env: { ...webhookEnv, SSE_HEARTBEAT_MS: "200", SSE_QUEUE_LIMIT: "50" } });
  srv = await serveApp(h.app);
  cookie = await h.login();
});
afterEach(async () => {
  await srv.close();
  await h.cleanup();
});

/** Posts like Postmark, over a real socket. */
function post(payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: srv.port,
        method: "POST",
        path: "/webhooks/postmark",
        headers: webhookHeaders(),
        agent,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const ids = (msgs: { id: string | null }[]) => msgs.map((m) => Number(m.id));

describe("GET /api/events/stream", () => {
  it("needs a session", async () => {
    const c = openSse(srv.port, "/api/events/stream");
    await c.closed;
    expect(c.status).toBe(401);
  });

  it("streams events live with id, event name and data, and the right headers", async () => {
    const c = openSse(srv.port, "/api/events/stream", { cookie });
    await c.waitFor(() => c.comments.includes("connected"));
    expect(c.headers["content-type"]).toMatch(/text\/event-stream/);
    expect(c.headers["x-accel-buffering"]).toBe("no");
    expect(c.headers["cache-control"]).toBe("no-cache");
    expect(await post(examplePayload("bounce"))).toBe(200);
    await c.waitFor(() => c.messages.length === 1);
    const m = c.messages[0]!;
    expect(m.event).toBe("bounce");
    const data = JSON.parse(m.data) as StreamEventData;
    expect(data).toMatchObject({ id: Number(m.id), trigger: "bounce", serverId: 23 });
    expect((data.payload as { RecordType: string }).RecordType).toBe("Bounce");
    c.close();
  });

  it("sends a heartbeat comment when idle", async () => {
    const c = openSse(srv.port, "/api/events/stream", { cookie });
    await c.waitFor(() => c.comments.filter((x) => x === "heartbeat").length >= 2, 3_000);
    c.close();
  });

  it("filters by types", async () => {
    const c = openSse(srv.port, "/api/events/stream?types=open,unrecognised", { cookie });
    await c.waitFor(() => c.comments.includes("connected"));
    await post(examplePayload("bounce"));
    await post(examplePayload("open"));
    await post({ Strange: 1 });
    await c.waitFor(() => c.messages.length === 2);
    expect(c.messages.map((m) => m.event)).toEqual(["open", "unrecognised"]);
    c.close();
  });

  it("replays exactly the missed events after a reconnect with Last-Event-ID, while events keep arriving", async () => {
    const first = openSse(srv.port, "/api/events/stream", { cookie });
    await first.waitFor(() => first.comments.includes("connected"));
    let sending = true;
    let sent = 0;
    const producer = (async () => {
      while (sending) {
        expect(await post(examplePayload(sent % 2 ? "open" : "click"))).toBe(200);
        sent++;
      }
    })();
    await first.waitFor(() => first.messages.length >= 20);
    first.close();
    const lastSeen = Number(first.messages.at(-1)!.id);
    // Events arrive while disconnected.
    const target = sent + 30;
    await new Promise<void>((r) => {
      const t = setInterval(() => sent >= target && (clearInterval(t), r()), 5);
    });
    const second = openSse(srv.port, "/api/events/stream", { cookie, "last-event-id": String(lastSeen) });
    await second.waitFor(() => second.messages.length >= 60, 10_000);
    sending = false;
    await producer;
    const total = await h.services.events.repo.maxId();
    await second.waitFor(() => Number(second.messages.at(-1)!.id) === total, 10_000);
    const seen = [...ids(first.messages), ...ids(second.messages)];
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    second.close();

    // ?after= works the same.
    const third = openSse(srv.port, `/api/events/stream?after=${total - 3}`, { cookie });
    await third.waitFor(() => third.messages.length === 3);
    expect(ids(third.messages)).toEqual([total - 2, total - 1, total]);
    third.close();
  });

  it("drops a slow client without holding up the intake or the other clients", async () => {
    const slow = openSse(srv.port, "/api/events/stream", { cookie });
    const fast = openSse(srv.port, "/api/events/stream", { cookie });
    await slow.waitFor(() => slow.comments.includes("connected"));
    await fast.waitFor(() => fast.comments.includes("connected"));
    slow.pause();
    // The intake is not held up: every post is acknowledged while the slow client is attached
    // (no timing is asserted; bench/ measures speed). Big events fill the kernel's socket buffers (several MB on loopback) quickly.
    const big = "x".repeat(240_000);
    let n = 0;
    while (h.services.events.bus.size() > 1 && n < 400) {
      expect(await post(examplePayload("delivery", { Details: big }))).toBe(200);
      n++;
    }
    expect(h.services.events.bus.size()).toBe(1);
    await fast.waitFor(() => fast.messages.length === n, 10_000);
    // A client that does not read cannot see the close; once it reads on, the stream ends early.
    slow.resume();
    await slow.closed;
    expect(slow.messages.length).toBeLessThan(n);
    fast.close();
  });
});
