import { describe, expect, it } from "vitest";
import { defaultThresholds, healthThresholds, judge, percentOf, reaches, worstFirst } from "./verdicts";

const t = defaultThresholds;

describe("judge", () => {
  it("gives no verdict below the minimum volume, and says so", () => {
    const v = judge("bounce", { part: 50, sent: 199 }, t);
    expect(v.level).toBe("too-few");
    expect(v.explanation).toContain("at least 200");
  });

  it("judges from exactly the minimum volume", () => {
    expect(judge("bounce", { part: 0, sent: 200 }, t).level).toBe("good");
  });

  it("zero sends is too few, with a 0 rate, never NaN", () => {
    const v = judge("spam", { part: 0, sent: 0 }, t);
    expect(v).toMatchObject({ level: "too-few", rate: 0 });
    expect(judge("spam", { part: 0, sent: 0 }, { ...t, minVolume: 1 }).level).toBe("too-few");
  });

  it("bounce: below 4 % good, exactly 4 % warning, exactly 8 % critical", () => {
    expect(judge("bounce", { part: 39, sent: 1000 }, t).level).toBe("good");
    expect(judge("bounce", { part: 40, sent: 1000 }, t).level).toBe("warning");
    expect(judge("bounce", { part: 79, sent: 1000 }, t).level).toBe("warning");
    expect(judge("bounce", { part: 80, sent: 1000 }, t).level).toBe("critical");
  });

  it("spam: exactly 0.1 % warning and exactly 0.3 % critical despite float noise", () => {
    expect(judge("spam", { part: 0, sent: 1000 }, t).level).toBe("good");
    expect(judge("spam", { part: 1, sent: 1000 }, t).level).toBe("warning");
    expect(judge("spam", { part: 3, sent: 1000 }, t).level).toBe("critical");
    expect(judge("spam", { part: 7, sent: 7000 }, t).level).toBe("warning");
    expect(judge("spam", { part: 21, sent: 7000 }, t).level).toBe("critical");
  });

  it("explains how it was computed", () => {
    expect(judge("bounce", { part: 90, sent: 1000 }, t).explanation).toBe(
      "90 bounces ÷ 1000 sent = 9.0%, at or above 8.0%: critical.",
    );
    expect(judge("spam", { part: 0, sent: 500 }, t).explanation).toBe(
      "0 spam complaints ÷ 500 sent = 0.0%, below 0.10%: good.",
    );
  });

  it("uses changed thresholds", () => {
    expect(judge("bounce", { part: 20, sent: 1000 }, { ...t, bounce: { warning: 1, critical: 2 } }).level).toBe(
      "critical",
    );
  });
});

describe("thresholds schema", () => {
  it("accepts the defaults and refuses a critical level not above the warning level", () => {
    expect(healthThresholds.safeParse(t).success).toBe(true);
    const bad = healthThresholds.safeParse({ ...t, spam: { warning: 0.3, critical: 0.3 } });
    expect(bad.success).toBe(false);
    expect(healthThresholds.safeParse({ ...t, minVolume: 0 }).success).toBe(false);
    expect(healthThresholds.safeParse({ ...t, bounce: { warning: -1, critical: 8 } }).success).toBe(false);
  });
});

describe("helpers", () => {
  it("percentOf and reaches", () => {
    expect(percentOf(1, 0)).toBe(0);
    expect(percentOf(1, 4)).toBe(25);
    expect(reaches(0, 0, 0)).toBe(false);
    expect(reaches(3, 1000, 0.3)).toBe(true);
    expect(reaches(2, 1000, 0.3)).toBe(false);
  });

  it("worstFirst orders critical, warning, good, too few; then by rate", () => {
    const rows = [
      { name: "a", verdict: judge("bounce", { part: 10, sent: 1000 }, t) },
      { name: "b", verdict: judge("bounce", { part: 90, sent: 1000 }, t) },
      { name: "c", verdict: judge("bounce", { part: 5, sent: 10 }, t) },
      { name: "d", verdict: judge("bounce", { part: 50, sent: 1000 }, t) },
      { name: "e", verdict: judge("bounce", { part: 120, sent: 1000 }, t) },
    ];
    expect(worstFirst(rows).map((r) => r.name)).toEqual(["e", "b", "d", "a", "c"]);
  });
});
