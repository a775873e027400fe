import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAssetRequest, mountSpa } from "./static";
import type { AppEnv } from "./types";

describe("SPA static serving", () => {
  let dir: string;
  let app: Hono<AppEnv>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-static-"));
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Mailroom</title>");
    fs.writeFileSync(path.join(dir, "assets", "index-AbCdEf12.js"), "console.log(1)");
    fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    app = new Hono<AppEnv>();
    app.get("/api/health", (c) => c.json({ ok: true }));
    mountSpa(app, dir);
    // As in app.ts: whatever nothing answered is Mailroom's JSON 404.
    app.notFound((c) => c.json({ error: { code: "not_found", message: "Not found." } }, 404));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const isSpaPage = async (res: Response) =>
    res.status === 200 && (await res.text()).includes("<title>Mailroom</title>");

  it("serves index.html for client routes, including ones whose last segment has a dot", async () => {
    for (const p of [
      "/",
      "/bounces/123",
      "/operations/domains.get",
      "/operations/email.sendBatch",
      "/users/jane.doe",
      "/feed?event=1.5",
    ]) {
      const res = await app.request(p);
      expect(await isSpaPage(res), p).toBe(true);
      expect(res.headers.get("cache-control"), p).toBe("no-cache");
    }
  });

  it("serves existing files, hashed assets as immutable", async () => {
    const asset = await app.request("/assets/index-AbCdEf12.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const icon = await app.request("/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 404, not the page, for a missing file that is clearly an asset", async () => {
    for (const p of [
      "/assets/missing-AbCdEf12.js",
      "/assets/whatever",
      "/missing.css",
      "/app.js.map",
      "/logo.PNG",
      "/manifest.webmanifest",
      "/data.json",
      "/robots.txt",
      "/font.woff2",
      "/favicon.ico",
    ]) {
      const res = await app.request(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type"), p).toMatch(/json/);
    }
  });

  it("never answers API or webhook paths with the page", async () => {
    expect((await app.request("/api/health")).status).toBe(200);
    for (const p of [
      "/api",
      "/api/nothing",
      "/api/operations/domains.get",
      "/webhooks/postmark",
      "/webhooks/postmark/3",
    ]) {
      const res = await app.request(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type"), p).toMatch(/json/);
    }
  });

  it("serves the page for the console's Webhooks route", async () => {
    for (const p of ["/webhooks", "/webhooks?stream=broadcast"]) {
      const res = await app.request(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("content-type"), p).toMatch(/html/);
    }
  });

  it("tells assets from dotted client routes", () => {
    expect(isAssetRequest("/assets/x")).toBe(true);
    expect(isAssetRequest("/site.webmanifest")).toBe(true);
    expect(isAssetRequest("/operations/domains.get")).toBe(false);
    expect(isAssetRequest("/users/jane.doe")).toBe(false);
    expect(isAssetRequest("/assetsx/a.b")).toBe(false);
  });
});
