import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiFailure } from "../errors";
import { callUpstream, type UpstreamRequest } from "./upstream";

// The undici client's own duties, which fetch used to carry out: decoding, kept-alive connections, cancelling.
describe("callUpstream over undici", () => {
  let server: http.Server;
  let baseUrl: string;
  const requestsOnSocket = new WeakMap<object, number>();
  const arrivals = new Map<string, number>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const n = (requestsOnSocket.get(req.socket) ?? 0) + 1;
      requestsOnSocket.set(req.socket, n);
      const arrived = (arrivals.get(req.url!) ?? 0) + 1;
      arrivals.set(req.url!, arrived);
      req.resume();
      req.on("end", () => {
        // A server that closes a kept-alive connection just as the next request arrives on it.
        // A server that closes the connection before answering, as on a kept-alive one it just dropped.
        if (req.url?.startsWith("/drops-once") && arrived === 1) return req.socket.destroy();
        if (req.url === "/drops-always") return req.socket.destroy();
        if (req.url === "/gzip") {
          res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
          return res.end(zlib.gzipSync(JSON.stringify({ Message: "décodé" })));
        }
        if (req.url === "/hints") res.writeEarlyHints({ link: "</x.css>; rel=preload", "content-encoding": "gzip" }); // not the answer's
        if (req.url === "/auth") return res.end(JSON.stringify({ authorization: req.headers.authorization }));
        if (req.url === "/slow") return setTimeout(() => res.end("{}"), 2000).unref();
        res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ method: req.method, n, arrived, encoding: req.headers["accept-encoding"] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const request = (path: string, extra: Partial<UpstreamRequest> = {}): UpstreamRequest => ({
    baseUrl,
    method: "GET",
    path,
    tokenHeader: "X-Postmark-Server-Token",
    token: "t",
    timeoutMs: 1000,
    ...extra,
  });
  const call = (path: string, extra: Partial<UpstreamRequest> = {}) => callUpstream(request(path, extra));

  it("asks for compression and decodes a gzip answer", async () => {
    expect(JSON.parse((await call("/plain")).text).encoding).toBe("gzip, deflate");
    const res = await call("/gzip");
    expect(res).toEqual({ status: 200, contentType: "application/json", text: '{"Message":"décodé"}' });
  });

  it("retries a read once on a fresh connection when one closed before answering, but never a write", async () => {
    await call("/plain");
    expect(JSON.parse((await call("/drops-once-read")).text)).toMatchObject({ arrived: 2, n: 1 });
    await expect(call("/drops-always")).rejects.toMatchObject({ status: 502, code: "upstream_unreachable" });
    expect(arrivals.get("/drops-always")).toBe(2);
    const write = call("/drops-once-write", { method: "POST", body: "{}" });
    await expect(write).rejects.toMatchObject({ status: 502, code: "upstream_unreachable" });
    expect(arrivals.get("/drops-once-write")).toBe(1);
  });

  it("answers with the final answer after an informational one, and sends a base URL's user info as Basic auth", async () => {
    expect(await call("/hints")).toMatchObject({ status: 200, contentType: "application/json; charset=utf-8" });
    const withUser = baseUrl.replace("http://", "http://us%20er:p%40ss@");
    const res = await callUpstream({ ...request("/auth"), baseUrl: withUser });
    expect(JSON.parse(res.text)).toEqual({ authorization: `Basic ${Buffer.from("us er:p@ss").toString("base64")}` });
  });

  it("keeps connections alive between calls", async () => {
    await call("/plain");
    const ns = [];
    for (let i = 0; i < 5; i++) ns.push(JSON.parse((await call("/plain")).text).n as number);
    expect(Math.max(...ns)).toBeGreaterThan(1);
  });

  it("answers 504 after the timeout and 400 when the caller cancels", async () => {
    await expect(call("/slow", { timeoutMs: 50 })).rejects.toMatchObject({ status: 504, code: "upstream_timeout" });
    const controller = new AbortController();
    const cancelled = call("/slow", { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const e = await cancelled.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiFailure);
    expect(e).toMatchObject({ status: 400, code: "bad_request" });
  });

  it("ends a call the client refuses to send at once, leaving no timer to go off later", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      // A header value with a line break: refused before anything is sent, naming the header, not its value.
      const refused = await call("/plain", { token: "a\nb", timeoutMs: 50 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      expect(refused).not.toBeInstanceOf(ApiFailure);
      expect((refused as Error).message).toMatch(/X-Postmark-Server-Token/);
      expect((refused as Error).message).not.toMatch(/a\nb/);
      // The timer of that call used to fire with nothing to destroy, an uncaught error that ended the process.
      expect(() => vi.runAllTimers()).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it("times out each call by its own deadline, a shorter one arriving after a longer one included", async () => {
    const long = call("/slow", { timeoutMs: 60_000 });
    const short = call("/slow", { timeoutMs: 50 });
    await expect(short).rejects.toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(await long).toMatchObject({ status: 200, text: "{}" });
  });
});
