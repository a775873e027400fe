import { z } from "zod";
import { verdictLevels, type HealthThresholds, type Verdict } from "./verdict-logic";

export * from "./verdict-logic";

// The zod schemas of thresholds and verdicts (server validation, forms); the logic is in verdict-logic.ts.

/** A percentage 0–100 (thresholds are written the way people say them: "0.1 %"). */
const percent = z.number().min(0).max(100);

const band = z.object({ warning: percent, critical: percent }).refine((b) => b.warning < b.critical, {
  message: "The critical threshold must be above the warning threshold",
  path: ["critical"],
});

export const healthThresholds = z.object({
  bounce: band,
  spam: band,
  /** Sends in the window below which no verdict is given. */
  minVolume: z.number().int().min(1).max(1_000_000),
}) satisfies z.ZodType<HealthThresholds>;

export const verdict = z.object({
  metric: z.enum(["bounce", "spam"]),
  level: z.enum(verdictLevels),
  /** Percent, 0 when nothing was sent. */
  rate: z.number(),
  part: z.number(),
  sent: z.number(),
  /** One sentence: how it was computed and against what. */
  explanation: z.string(),
}) satisfies z.ZodType<Verdict>;
