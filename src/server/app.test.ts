import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { createHarness, type Harness } from "./test-support/harness";

describe("app", () => {
  let h: Harness;
  let spa: ReturnType<typeof createApp>;
  let dist: string;
  beforeAll(async () => {
    h = await createHarness();
    dist = path.join(h.dir, "dist");
    fs.mkdirSync(path.join(dist, "assets"), { recursive: true });
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Mailroom</title>");
    fs.writeFileSync(path.join(dist, "assets", "index-AbCdEf12.js"), "console.log(1)");
    spa = createApp(h.services, { staticDir: dist, logRequests: false });
  });
  afterAll(async () => h.cleanup());

  it("answers health without a session", async () => {
    const res = await h.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: "live", version: "test" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("sets security headers", async () => {
    const res = await spa.request("/");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("serves the SPA with a fallback for client routes, but not for /api or missing assets", async () => {
    const page = await spa.request("/bounces/123");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Mailroom</title>");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = await spa.request("/assets/index-AbCdEf12.js");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await spa.request("/assets/missing-AbCdEf12.js")).status).toBe(404);
    const api = await spa.request("/api/nothing");
    expect(api.status).toBe(401);
    expect(api.headers.get("content-type")).toMatch(/json/);
  });

  it("turns unknown API routes into the error shape", async () => {
    const res = await h.request("/api/nothing", { cookie: await h.login() });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "There is no such API route." } });
  });

  it("logs one line per request without query values", async () => {
    await h.request("/api/health?secret=hunter2");
    const line = h.logger.lines.findLast((l) => l.includes("GET /api/health"))!;
    expect(line).toContain("GET /api/health?secret");
    expect(line).toContain("status=200");
    expect(line).not.toContain("hunter2");
  });
});
