import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiFailure } from "../errors";
import { callUpstream, type UpstreamRequest } from "./upstream";

// The node:http path's own duties, which fetch used to carry out: decoding, kept-alive sockets, cancelling.
describe("callUpstream over node:http", () => {
  let server: http.Server;
  let baseUrl: string;
  const requestsOnSocket = new WeakMap<object, number>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const n = (requestsOnSocket.get(req.socket) ?? 0) + 1;
      requestsOnSocket.set(req.socket, n);
      req.resume();
      req.on("end", () => {
        // A server that closes a kept-alive connection just as the next request arrives on it.
        if (req.url === "/closes-reused" && n > 1) return req.socket.destroy();
        if (req.url === "/gzip") {
          res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
          return res.end(zlib.gzipSync(JSON.stringify({ Message: "décodé" })));
        }
        if (req.url === "/slow") return setTimeout(() => res.end("{}"), 2000).unref();
        res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ method: req.method, n, encoding: req.headers["accept-encoding"] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const call = (path: string, extra: Partial<UpstreamRequest> = {}) =>
    callUpstream({
      baseUrl,
      method: "GET",
      path,
      tokenHeader: "X-Postmark-Server-Token",
      token: "t",
      timeoutMs: 1000,
      ...extra,
    });

  it("asks for compression and decodes a gzip answer", async () => {
    expect(JSON.parse((await call("/plain")).text).encoding).toBe("gzip, deflate");
    const res = await call("/gzip");
    expect(res).toEqual({ status: 200, contentType: "application/json", text: '{"Message":"décodé"}' });
  });

  it("retries a read once on a fresh socket when the kept-alive one was closed, but never a write", async () => {
    await call("/plain");
    // Sent on the kept-alive socket, which the server drops: the read goes again on a new connection.
    expect(JSON.parse((await call("/closes-reused")).text).n).toBe(1);
    await call("/plain");
    const write = call("/closes-reused", { method: "POST", body: "{}" });
    await expect(write).rejects.toMatchObject({ status: 502, code: "upstream_unreachable" });
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

  it("ends a call node:http refuses to send at once, leaving no timer to go off later", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      // A header value with a line break: node:http throws before anything is sent.
      await expect(call("/plain", { token: "a\nb", timeoutMs: 50 })).rejects.toMatchObject({
        code: "ERR_INVALID_CHAR",
      });
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
