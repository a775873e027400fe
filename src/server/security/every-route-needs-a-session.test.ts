import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";

// Routes anyone may call: health, sign-in (and the session probe, which answers 401 by itself).
const OPEN = new Set(["GET /api/health", "POST /api/auth/login"]);

describe("every /api route needs a session", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.cleanup());

  it("answers 401 without a session cookie on every route the app registers", async () => {
    // Read the routes from the app itself, so a route added later without its guard fails here.
    const routes = new Map<string, { method: string; path: string }>();
    for (const r of h.app.routes) {
      if (!r.path.startsWith("/api/") || (r.method === "ALL" && r.path === "/api/*")) continue;
      const method = r.method === "ALL" ? "GET" : r.method;
      // Concrete values for parameters (":id{[0-9]+}", ":token", "*").
      const path = r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, "1").replace(/\*$/, "x");
      if (OPEN.has(`${method} ${path}`)) continue;
      routes.set(`${method} ${path}`, { method, path });
    }
    expect(routes.size).toBeGreaterThan(40);
    const open: string[] = [];
    for (const { method, path } of routes.values()) {
      const res = await h.app.request(path, {
        method,
        headers: { origin: "http://127.0.0.1:8787", "content-type": "application/json" },
        body: method === "GET" || method === "HEAD" ? undefined : "{}",
      });
      if (res.status !== 401) open.push(`${method} ${path} → ${res.status}`);
    }
    expect(open).toEqual([]);
  });
});
