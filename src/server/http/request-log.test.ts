import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../logger";
import { requestLog } from "./request-log";

describe("request log", () => {
  const logger = createMemoryLogger();
  const app = new Hono();
  app.use(
    "*",
    requestLog(logger, () => 0),
  );
  app.all("*", (c) => c.text("ok"));
  const line = async (url: string) => {
    logger.lines.length = 0;
    await app.request(url);
    return logger.lines[0]!.replace(/^\S+ info {2}/, "");
  };

  it("names the method, the path, each query key once (never a value), the status and the time", async () => {
    expect(await line("http://localhost/api/postmark/bounces?count=10&offset=0&count=20")).toBe(
      "GET /api/postmark/bounces?count&offset status=200 ms=0",
    );
    expect(await line("http://localhost/api/overview")).toBe("GET /api/overview status=200 ms=0");
    expect(await line("http://localhost/a%20b/?q=secret+value&x%79=1#frag")).toBe("GET /a%20b/?q&xy status=200 ms=0");
    expect(await line("http://localhost/p?&a=1&&b&=v&a=2&c=")).toBe("GET /p?a&b&&c status=200 ms=0");
    expect(await line("http://localhost/p??a=1&b+c=2")).toBe("GET /p?a&b c status=200 ms=0");
  });

  it("hides the token of an approval link", async () => {
    expect(await line("http://localhost/api/approval-links/abc.def/approve?sig=zzz")).toBe(
      "GET /api/approval-links/[token]/approve?sig status=200 ms=0",
    );
  });
});
