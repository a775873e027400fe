import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("config", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({}, "/srv/mailroom");
    expect(c).toMatchObject({
      port: 8787,
      host: "127.0.0.1",
      publicUrl: "http://127.0.0.1:8787",
      secureCookies: false,
      dataDir: "/srv/mailroom/data",
      databaseUrl: null,
    });
    expect(c.postmark).toMatchObject({ apiUrl: "https://api.postmarkapp.com", timeoutMs: 30_000, accountToken: null });
    expect(c.sandbox).toMatchObject({ port: 8788, accountToken: "sandbox-account-token" });
  });

  it("reads values and turns https PUBLIC_URL into secure cookies", () => {
    const c = loadConfig({
      PORT: "9000",
      PUBLIC_URL: "https://m.example.com/",
      POSTMARK_TIMEOUT_MS: "5000",
      SANDBOX_EVENTS_PER_MINUTE: "0",
    });
    expect(c).toMatchObject({ port: 9000, publicUrl: "https://m.example.com", secureCookies: true });
    expect(c.postmark.timeoutMs).toBe(5000);
    expect(c.sandbox.eventsPerMinute).toBe(0);
  });

  it("lists every problem in one clear error, without echoing a database URL", () => {
    expect(() => loadConfig({ PORT: "abc", POSTMARK_API_URL: "ftp://x", DATABASE_URL: "mysql://u:pw@h/db" })).toThrow(
      /PORT must be a whole number[\s\S]*POSTMARK_API_URL must be an http\(s\) URL[\s\S]*DATABASE_URL must start with postgres/,
    );
    try {
      loadConfig({ DATABASE_URL: "mysql://u:pw@h/db" });
    } catch (e) {
      expect((e as Error).message).not.toContain("pw");
    }
    expect(() => loadConfig({ WEBHOOK_USERNAME: "u" })).toThrow(/both WEBHOOK_USERNAME and WEBHOOK_PASSWORD/);
    expect(() => loadConfig({ MAILROOM_SECRET: "short" })).toThrow(/16 characters/);
  });

  it("passes SANDBOX_SIMULATE to the sandbox and refuses settings it cannot read", () => {
    expect(loadConfig({ SANDBOX_SIMULATE: "rate-limit:10/60s" }).sandbox.simulate).toBe("rate-limit:10/60s");
    expect(loadConfig({}).sandbox.simulate).toBeNull();
    expect(() => loadConfig({ SANDBOX_SIMULATE: "rate-limit:lots" })).toThrow(/rate-limit needs <requests>\/<window>/);
  });
});
