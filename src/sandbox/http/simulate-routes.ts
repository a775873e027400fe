// /__sandbox/simulate: a sandbox-only admin path (not Postmark's API) that turns failure
// simulation on and off at run time. It needs the account token, and simulation never applies to it.
import { Hono } from "hono";
import { z } from "zod";
import type { World } from "../world/world";
import type { Simulator, SimulationSettings } from "./simulate";

export const SIMULATE_PATH = "/__sandbox/simulate";

const positive = z.number().int().min(1);
const settingsSchema = z
  .object({
    rateLimit: z.object({ requests: positive, windowSeconds: positive }).strict().nullable().optional(),
    maxBodyBytes: positive.nullable().optional(),
    failNext: z
      .object({ status: z.union([z.literal(429), z.literal(413)]), count: positive })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export function simulateRoutes(world: World, simulator: Simulator): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    if (c.req.header("x-postmark-account-token") !== world.accountToken) {
      return c.json(
        {
          ErrorCode: 10,
          Message: "The sandbox's simulation settings need the account token in X-Postmark-Account-Token.",
        },
        401,
      );
    }
    await next();
  });
  app.get("/", (c) => c.json(simulator.settings));
  app.put("/", async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ ErrorCode: 402, Message: "Received invalid JSON input." }, 400);
    }
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json(
        {
          ErrorCode: 300,
          Message: `Invalid simulation settings at '${issue?.path.join(".") || "(body)"}': ${issue?.message ?? "invalid"}`,
        },
        400,
      );
    }
    const settings: SimulationSettings = {
      rateLimit: parsed.data.rateLimit ?? null,
      maxBodyBytes: parsed.data.maxBodyBytes ?? null,
      failNext: parsed.data.failNext ?? null,
    };
    simulator.replace(settings);
    return c.json(simulator.settings);
  });
  app.delete("/", (c) => {
    simulator.replace({ rateLimit: null, maxBodyBytes: null, failNext: null });
    return c.json(simulator.settings);
  });
  return app;
}
