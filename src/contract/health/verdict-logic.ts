// Health verdicts: a rate judged against thresholds an admin can change, with a minimum volume
// so a handful of sends cannot alarm anyone. Pure and free of zod, so that the console's first
// screens can use it without loading a schema library; the schemas are in verdicts.ts.

export interface HealthThresholds {
  bounce: { warning: number; critical: number };
  spam: { warning: number; critical: number };
  /** Sends in the window below which no verdict is given. */
  minVolume: number;
}

/** Defaults: Postmark's and the mailbox providers' usual guidance. */
export const defaultThresholds: HealthThresholds = {
  bounce: { warning: 4, critical: 8 },
  spam: { warning: 0.1, critical: 0.3 },
  minVolume: 200,
};

export type HealthMetric = "bounce" | "spam";
export const verdictLevels = ["good", "warning", "critical", "too-few"] as const;
export type VerdictLevel = (typeof verdictLevels)[number];

export interface Verdict {
  metric: HealthMetric;
  level: VerdictLevel;
  /** Percent, 0 when nothing was sent. */
  rate: number;
  part: number;
  sent: number;
  /** One sentence: how it was computed and against what. */
  explanation: string;
}

const metricNoun: Record<HealthMetric, [string, string]> = {
  bounce: ["bounce", "bounces"],
  spam: ["spam-complaint", "spam complaints"],
};

/** A ratio as a percentage, 0 when the denominator is 0. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

/** `rate ≥ threshold`, robust to float noise (3 of 1000 is exactly 0.3 %). */
export function reaches(part: number, whole: number, thresholdPercent: number): boolean {
  return whole > 0 && part * 100 >= thresholdPercent * whole - 1e-9 * whole;
}

export function formatRate(n: number): string {
  return `${n.toFixed(n !== 0 && Math.abs(n) < 1 ? 2 : 1)}%`;
}

/** Judges `part` of `sent` (bounces or complaints) against the thresholds. */
export function judge(metric: HealthMetric, counts: { part: number; sent: number }, t: HealthThresholds): Verdict {
  const part = Math.max(0, counts.part);
  const sent = Math.max(0, counts.sent);
  const rate = percentOf(part, sent);
  const b = t[metric];
  const [noun, plural] = metricNoun[metric];
  const base = { metric, rate, part, sent };
  if (sent < t.minVolume) {
    return {
      ...base,
      level: "too-few",
      explanation: `${sent} sent; at least ${t.minVolume} are needed before the ${noun} rate is judged (${part} ${plural}, ${formatRate(rate)}).`,
    };
  }
  const level: VerdictLevel = reaches(part, sent, b.critical)
    ? "critical"
    : reaches(part, sent, b.warning)
      ? "warning"
      : "good";
  const rule =
    level === "critical"
      ? `at or above ${formatRate(b.critical)}: critical`
      : level === "warning"
        ? `at or above ${formatRate(b.warning)}: warning`
        : `below ${formatRate(b.warning)}: good`;
  return { ...base, level, explanation: `${part} ${plural} ÷ ${sent} sent = ${formatRate(rate)}, ${rule}.` };
}

const severity: Record<VerdictLevel, number> = { critical: 3, warning: 2, good: 1, "too-few": 0 };

/** Orders worst first: level, then rate, then volume. */
export function worstFirst<T extends { verdict: Verdict }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      severity[b.verdict.level] - severity[a.verdict.level] ||
      b.verdict.rate - a.verdict.rate ||
      b.verdict.sent - a.verdict.sent,
  );
}

/** The worse of two verdict levels. */
export function worseLevel(a: VerdictLevel, b: VerdictLevel): VerdictLevel {
  return severity[a] >= severity[b] ? a : b;
}
