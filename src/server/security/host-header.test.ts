import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";
import { serveApp } from "../test-support/serve";

describe("Host header (DNS rebinding)", () => {
  let h: Harness;
  afterEach(async () => h.cleanup());

  const get = (url: string, host?: string) => h.app.request(url, host ? { headers: { host } } : {});

  it("without PUBLIC_URL answers the listen address and loopback names, and refuses other names with 421", async () => {
    h = await createHarness({ env: { HOST: "127.0.0.1", PORT: "8787" } });
    expect((await get("http://127.0.0.1:8787/api/health")).status).toBe(200);
    expect((await get("http://localhost:8787/api/health")).status).toBe(200);
    expect((await get("http://[::1]:8787/api/health")).status).toBe(200);
    const evil = await get("http://rebind.evil.example:8787/api/health");
    expect(evil.status).toBe(421);
    expect(((await evil.json()) as { error: { message: string } }).error.message).toMatch(/PUBLIC_URL/);
    // Sign-in, the webhook intake and the SPA are behind the same check.
    const login = await h.app.request("http://rebind.evil.example:8787/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "x" }),
    });
    expect(login.status).toBe(421);
    expect((await get("http://rebind.evil.example:8787/webhooks/postmark")).status).toBe(421);
    // An odd Host (userinfo, path) is a 400.
    expect((await get("http://127.0.0.1:8787/api/health", "127.0.0.1@evil.example")).status).toBe(400);
  });

  it("with PUBLIC_URL answers its host (with or without its port) and loopback, nothing else", async () => {
    h = await createHarness({ env: { PUBLIC_URL: "https://mail.example.com", HOST: "127.0.0.1" } });
    expect((await get("https://mail.example.com/api/health")).status).toBe(200);
    expect((await get("https://mail.example.com:443/api/health", "mail.example.com:443")).status).toBe(200);
    expect((await get("https://MAIL.example.com/api/health", "MAIL.example.com")).status).toBe(200);
    expect((await get("https://mail.example.com:8443/api/health", "mail.example.com:8443")).status).toBe(421);
    expect((await get("https://mail.example.com.evil.example/api/health")).status).toBe(421);
    expect((await get("http://10.0.0.5:8787/api/health")).status).toBe(421);
    expect((await get("http://127.0.0.1:8787/api/health")).status).toBe(200);
    // Postmark posts to PUBLIC_URL's host: the intake is reached (and asks for its credentials).
    const hook = await h.app.request("https://mail.example.com/webhooks/postmark", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(hook.status).toBe(401);
  });

  it("listening on every interface without PUBLIC_URL accepts IP literals but not names", async () => {
    h = await createHarness({ env: { HOST: "0.0.0.0", PORT: "8787" } });
    expect((await get("http://192.168.1.20:8787/api/health")).status).toBe(200);
    expect((await get("http://rebind.evil.example:8787/api/health")).status).toBe(421);
  });

  it("checks the Host the client sent over a real socket", async () => {
    h = await createHarness();
    const server = await serveApp(h.app);
    try {
      expect((await server.raw("GET", "/api/health", { host: "rebind.evil.example" })).status).toBe(421);
      expect((await server.raw("GET", "/api/health", { host: `127.0.0.1:${server.port}` })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
