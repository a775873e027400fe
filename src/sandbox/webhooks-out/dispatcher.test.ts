import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWebhookDispatcher, type DeliveryAttempt, type WebhookDispatcher } from "./index";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

let server: Server;
let base: string;
let received: Received[];
/** Status codes to answer with, in order; the last one repeats. `0` never answers. */
let statuses: number[];
let dispatcher: WebhookDispatcher | undefined;

beforeEach(async () => {
  received = [];
  statuses = [200];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      if (status !== 0) res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  dispatcher?.close();
  dispatcher = undefined;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function make(options: Parameters<typeof createWebhookDispatcher>[0] = {}) {
  const attempts: DeliveryAttempt[] = [];
  dispatcher = createWebhookDispatcher({ timeScale: 0.0001, onAttempt: (a) => attempts.push(a), ...options });
  return { d: dispatcher, attempts };
}

describe("webhook delivery", () => {
  it("POSTs the payload as JSON with Postmark's headers", async () => {
    const { d } = make();
    const payload = { RecordType: "Delivery", MessageID: "abc", Recipient: "é@example.com" };
    const { traceId, done } = d.dispatch(
      { url: `${base}/hooks/pm?token=1`, httpHeaders: [{ Name: "X-Secret", Value: "s3cret" }] },
      payload,
      "outbound",
    );
    expect(await done).toEqual({ delivered: true, attempts: 1 });
    const [req] = received;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/hooks/pm?token=1");
    expect(JSON.parse(req?.body ?? "")).toEqual(payload);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(req?.headers["user-agent"]).toBe("Postmark");
    expect(req?.headers["x-secret"]).toBe("s3cret");
    expect(req?.headers["x-pm-webhook-trace-id"]).toBe(traceId);
    expect(traceId).toMatch(UUID);
    expect(req?.headers["x-pm-retries-remaining"]).toBe("3");
    expect(req?.headers.authorization).toBeUndefined();
  });

  it("sends basic auth from credentials in the URL and strips them from the request URL", async () => {
    const { d, attempts } = make();
    const { done } = d.dispatch({ url: `http://us%3Aer:p%40ss@${base.slice(7)}/in` }, {}, "inbound");
    expect((await done).delivered).toBe(true);
    expect(received[0]?.headers.authorization).toBe(basic("us:er", "p@ss"));
    expect(attempts[0]?.url).toBe(`${base}/in`);
  });

  it("sends basic auth from HttpAuth, which wins over URL credentials", async () => {
    const { d } = make();
    await d.dispatch(
      { url: `http://old:old@${base.slice(7)}/`, httpAuth: { Username: "hook", Password: "pw" } },
      {},
      "outbound",
    ).done;
    expect(received[0]?.headers.authorization).toBe(basic("hook", "pw"));
  });

  it("does not let custom headers override Postmark's own", async () => {
    const { d } = make();
    await d.dispatch({ url: base, httpHeaders: [{ Name: "Content-Type", Value: "text/plain" }] }, {}, "outbound").done;
    expect(received[0]?.headers["content-type"]).toBe("application/json");
  });

  it("counts any 2xx as delivered", async () => {
    statuses = [204];
    const { d } = make();
    expect(await d.dispatch({ url: base }, {}, "outbound").done).toEqual({ delivered: true, attempts: 1 });
  });
});

describe("retries", () => {
  it("keeps the trace id across retries and counts retries down", async () => {
    statuses = [500, 502, 200];
    const { d, attempts } = make();
    const { traceId, done } = d.dispatch({ url: base }, { n: 1 }, "outbound");
    expect(await done).toEqual({ delivered: true, attempts: 3 });
    expect(received.map((r) => r.headers["x-pm-webhook-trace-id"])).toEqual([traceId, traceId, traceId]);
    expect(received.map((r) => r.headers["x-pm-retries-remaining"])).toEqual(["3", "2", "1"]);
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 502],
      [3, 200],
    ]);
  });

  it("gives up after 3 retries on the outbound policy", async () => {
    statuses = [500];
    const { d } = make();
    expect(await d.dispatch({ url: base }, {}, "outbound").done).toEqual({ delivered: false, attempts: 4 });
    expect(received.at(-1)?.headers["x-pm-retries-remaining"]).toBe("0");
  });

  it("gives up after 10 retries on the inbound policy", async () => {
    statuses = [404];
    const { d } = make({ timeScale: 0.00001 });
    expect(await d.dispatch({ url: base }, {}, "inbound").done).toEqual({ delivered: false, attempts: 11 });
    expect(received.map((r) => r.headers["x-pm-retries-remaining"])).toEqual([
      "10",
      "9",
      "8",
      "7",
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
      "0",
    ]);
  });

  it.each(["inbound", "outbound"] as const)("stops at a 403 (%s)", async (policy) => {
    statuses = [403];
    const { d } = make();
    expect(await d.dispatch({ url: base }, {}, policy).done).toEqual({ delivered: false, attempts: 1 });
  });

  it("retries network errors and timeouts", async () => {
    // The first attempt never answers; the retry answers at once, so no race with the 100 ms timeout.
    let calls = 0;
    const hanging: typeof fetch = (_input, init) => {
      calls++;
      if (calls > 1) return Promise.resolve(new Response("ok", { status: 200 }));
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    };
    const { d, attempts } = make({ timeoutMs: 100, fetch: hanging });
    expect(await d.dispatch({ url: base }, {}, "outbound").done).toEqual({ delivered: true, attempts: 2 });
    expect(attempts[0]).toMatchObject({ status: null, error: "Timed out after 100 ms" });
  });

  it("retries when the connection is refused", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    const { d, attempts } = make();
    expect(await d.dispatch({ url }, {}, "outbound").done).toEqual({ delivered: false, attempts: 4 });
    expect(attempts[0]?.status).toBeNull();
    expect(attempts[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it("scales the schedule with timeScale", async () => {
    statuses = [500, 200];
    const { d, attempts } = make({ timeScale: 0.002 }); // 1 min -> 120 ms
    await d.dispatch({ url: base }, {}, "outbound").done;
    const [first, second] = attempts;
    expect(second!.at.getTime() - first!.at.getTime()).toBeGreaterThanOrEqual(110);
  });
});

describe("robustness", () => {
  it("idle() resolves once no attempt is in flight, not counting waits for a retry", async () => {
    statuses = [500];
    const { d, attempts } = make({ timeScale: 1 });
    const { done } = d.dispatch({ url: base }, {}, "outbound");
    await d.idle();
    expect(attempts.map((a) => a.status)).toEqual([500]);
    expect(d.pending()).toBe(1);
    d.close();
    expect(await done).toEqual({ delivered: false, attempts: 1 });
  });

  it("never throws from dispatch on a bad target", async () => {
    const { d, attempts } = make();
    const bad = [
      d.dispatch({ url: "not a url" }, {}, "outbound"),
      d.dispatch({ url: "ftp://example.com/x" }, {}, "outbound"),
      d.dispatch({ url: base, httpHeaders: [{ Name: "bad name", Value: "x" }] }, {}, "outbound"),
    ];
    for (const { done } of bad) expect(await done).toEqual({ delivered: false, attempts: 1 });
    expect(attempts.every((a) => a.status === null && typeof a.error === "string")).toBe(true);
    expect(received).toHaveLength(0);
  });

  it("close() cancels waiting retries and resolves pending deliveries", async () => {
    statuses = [500];
    const attempts: DeliveryAttempt[] = [];
    let firstAttempt!: () => void;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    const d = createWebhookDispatcher({
      timeScale: 1,
      onAttempt: (a) => {
        attempts.push(a);
        firstAttempt();
      },
    });
    const { done } = d.dispatch({ url: base }, {}, "inbound");
    await attempted;
    expect(attempts).toHaveLength(1);
    expect(d.pending()).toBe(1);
    d.close();
    expect(await done).toEqual({ delivered: false, attempts: 1 });
    expect(d.pending()).toBe(0);
    expect(await d.dispatch({ url: base }, {}, "inbound").done).toEqual({ delivered: false, attempts: 0 });
  });

  it("survives a throwing onAttempt observer", async () => {
    const d = createWebhookDispatcher({
      onAttempt: () => {
        throw new Error("observer bug");
      },
    });
    expect(await d.dispatch({ url: base }, {}, "outbound").done).toEqual({ delivered: true, attempts: 1 });
  });
});
