import type { Hono } from "hono";
import { z } from "zod";
import { bounceType } from "../../contract/postmark/shared";
import type { Sandbox } from "../runtime";
import { bounceOverrideOf, setBounceOverride } from "../simulation/bounce-override";

// Sandbox-only admin call (never part of Postmark's API): raise or restore a server's bounce rate.
//   PUT    /__sandbox/servers/:id/bounce-rate  {"rate": 0.1, "type": "HardBounce"}  → 200 {serverId, rate, type}
//   GET    /__sandbox/servers/:id/bounce-rate                                        → 200 {serverId, rate|null, type|null}
//   DELETE /__sandbox/servers/:id/bounce-rate                                        → 200 back to the usual 2.8 %
// Guarded by the sandbox's account token in X-Postmark-Account-Token, like Postmark's account API.

const body = z.strictObject({
  rate: z.number().min(0).max(1),
  type: bounceType.exclude(["SpamComplaint"]).default("HardBounce"),
});

export function registerBounceRateAdmin(app: Hono, sandbox: Sandbox): void {
  app.use("/__sandbox/servers/*", async (c, next) => {
    const token = c.req.header("x-postmark-account-token");
    if (!token)
      return c.json(
        {
          ErrorCode: 10,
          Message:
            "No Account API token was supplied in the HTTP headers. Please add a header for X-Postmark-Account-Token.",
        },
        401,
      );
    if (token !== sandbox.world.accountToken)
      return c.json({ ErrorCode: 10, Message: "The Account API token you supplied is not valid." }, 401);
    return next();
  });
  const server = (id: string) => sandbox.world.servers.get(Number(id)) ?? null;
  const notFound = { ErrorCode: 600, Message: "Server not found." };

  app.get("/__sandbox/servers/:id{[0-9]+}/bounce-rate", (c) => {
    const s = server(c.req.param("id"));
    if (!s) return c.json(notFound, 404);
    const o = bounceOverrideOf(s);
    return c.json({ serverId: s.id, rate: o?.rate ?? null, type: o?.type ?? null });
  });
  app.put("/__sandbox/servers/:id{[0-9]+}/bounce-rate", async (c) => {
    const s = server(c.req.param("id"));
    if (!s) return c.json(notFound, 404);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ ErrorCode: 402, Message: "Received invalid JSON input." }, 422);
    }
    const parsed = body.safeParse(raw);
    if (!parsed.success)
      return c.json(
        {
          ErrorCode: 300,
          Message: `Invalid bounce-rate request: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`,
        },
        422,
      );
    setBounceOverride(s, parsed.data);
    sandbox.log(
      `server ${s.id} now bounces ${(parsed.data.rate * 100).toFixed(1)}% of new sends (${parsed.data.type})`,
    );
    return c.json({ serverId: s.id, ...parsed.data });
  });
  app.delete("/__sandbox/servers/:id{[0-9]+}/bounce-rate", (c) => {
    const s = server(c.req.param("id"));
    if (!s) return c.json(notFound, 404);
    setBounceOverride(s, null);
    return c.json({ serverId: s.id, rate: null, type: null });
  });
}
