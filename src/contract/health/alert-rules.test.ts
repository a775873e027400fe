import { describe, expect, it } from "vitest";
import { alertRuleInput, describeRule, evaluateRule, type AlertRuleInput } from "./alert-rules";
import { applyAlertAction, nextAlertAction, type OpenAlertState } from "./alert-state";
import { defaultThresholds } from "./verdicts";
import { postmarkDay, windowRange } from "./window";

const base = { name: "r", enabled: true, scope: { serverId: 1 }, windowDays: 1, remindAfterMinutes: 60 };
const bounceRule: AlertRuleInput = { ...base, kind: "bounce-rate", level: "critical" };
const t = defaultThresholds;

describe("evaluateRule", () => {
  it("rate rules breach at the verdict level asked for, and never on too small a sample", () => {
    expect(evaluateRule(bounceRule, { kind: "bounce-rate", part: 80, sent: 1000 }, t).breached).toBe(true);
    expect(evaluateRule(bounceRule, { kind: "bounce-rate", part: 79, sent: 1000 }, t).breached).toBe(false);
    expect(
      evaluateRule({ ...bounceRule, level: "warning" }, { kind: "bounce-rate", part: 40, sent: 1000 }, t).breached,
    ).toBe(true);
    expect(
      evaluateRule({ ...bounceRule, level: "warning" }, { kind: "bounce-rate", part: 90, sent: 1000 }, t).breached,
    ).toBe(true);
    expect(evaluateRule(bounceRule, { kind: "bounce-rate", part: 199, sent: 199 }, t).breached).toBe(false);
    expect(evaluateRule(bounceRule, { kind: "bounce-rate", part: 0, sent: 0 }, t)).toMatchObject({
      breached: false,
      value: 0,
    });
  });

  it("spam rate at exactly 0.3 % is critical", () => {
    const r = evaluateRule(
      { ...base, kind: "spam-rate", level: "critical" },
      { kind: "spam-rate", part: 3, sent: 1000 },
      t,
    );
    expect(r.breached).toBe(true);
    expect(r.summary).toContain("0.30%");
  });

  it("counts breach at the limit", () => {
    const rule: AlertRuleInput = { ...base, kind: "bounce-type", bounceType: "DMARCPolicy", atLeast: 5 };
    expect(evaluateRule(rule, { kind: "bounce-type", count: 4 }, t).breached).toBe(false);
    expect(evaluateRule(rule, { kind: "bounce-type", count: 5 }, t).breached).toBe(true);
    expect(
      evaluateRule({ ...base, kind: "smtp-api-errors", atLeast: 1 }, { kind: "smtp-api-errors", count: 1 }, t).summary,
    ).toBe("1 SMTP API error today (alert at 1).");
  });

  it("webhook silence needs both silence and sends meanwhile", () => {
    const rule: AlertRuleInput = { ...base, kind: "webhook-silence", trigger: "delivery", minutes: 30 };
    expect(evaluateRule(rule, { kind: "webhook-silence", silentMinutes: 45, sendsMeanwhile: 10 }, t).breached).toBe(
      true,
    );
    expect(evaluateRule(rule, { kind: "webhook-silence", silentMinutes: 45, sendsMeanwhile: 0 }, t).breached).toBe(
      false,
    );
    expect(evaluateRule(rule, { kind: "webhook-silence", silentMinutes: 29, sendsMeanwhile: 10 }, t).breached).toBe(
      false,
    );
    expect(evaluateRule(rule, { kind: "webhook-silence", silentMinutes: 30, sendsMeanwhile: 1 }, t).breached).toBe(
      true,
    );
    expect(evaluateRule(rule, { kind: "webhook-silence", silentMinutes: null, sendsMeanwhile: 3 }, t).breached).toBe(
      true,
    );
  });

  it("approvals waiting breach when one is overdue", () => {
    const rule: AlertRuleInput = { ...base, kind: "approvals-waiting", minutes: 15 };
    expect(evaluateRule(rule, { kind: "approvals-waiting", oldestMinutes: 20, overdue: 1 }, t).breached).toBe(true);
    expect(evaluateRule(rule, { kind: "approvals-waiting", oldestMinutes: null, overdue: 0 }, t).breached).toBe(false);
  });

  it("refuses a measurement of another kind", () => {
    expect(() => evaluateRule(bounceRule, { kind: "smtp-api-errors", count: 1 }, t)).toThrow();
  });

  it("the schema refuses unknown kinds and bad values, and describes rules", () => {
    expect(alertRuleInput.safeParse({ ...base, kind: "bounce-rate", level: "critical" }).success).toBe(true);
    expect(alertRuleInput.safeParse({ ...base, kind: "nope" }).success).toBe(false);
    expect(alertRuleInput.safeParse({ ...base, kind: "bounce-type", bounceType: "Nope", atLeast: 1 }).success).toBe(
      false,
    );
    expect(alertRuleInput.safeParse({ ...base, windowDays: 0, kind: "bounce-rate", level: "critical" }).success).toBe(
      false,
    );
    expect(
      describeRule({ ...base, scope: { serverId: 1, tag: "invoice" }, kind: "bounce-rate", level: "critical" }),
    ).toBe("Bounce rate (tag invoice) reaches critical over today");
  });
});

describe("alert life: firing → resolved, one notification per breach", () => {
  const remind = 60 * 60_000;
  function run(breaches: boolean[], stepMs = 10 * 60_000) {
    let state: OpenAlertState | null = null;
    const log: string[] = [];
    breaches.forEach((b, i) => {
      const now = i * stepMs;
      const a = nextAlertAction(state, b, now, remind);
      if (a.type !== "none") log.push(a.type === "keep" ? (a.notify ? "remind" : "keep") : a.type);
      else log.push("-");
      state = applyAlertAction(state, a, now);
    });
    return log;
  }

  it("opens once, keeps quiet while it persists, and reminds after the quiet period", () => {
    // 10-minute checks: open at 0, reminders at 60 and 120 minutes.
    expect(run([true, true, true, true, true, true, true, true, true, true, true, true, true])).toEqual([
      "open",
      "keep",
      "keep",
      "keep",
      "keep",
      "keep",
      "remind",
      "keep",
      "keep",
      "keep",
      "keep",
      "keep",
      "remind",
    ]);
  });

  it("resolves on the first clear check and fires again as a new alert", () => {
    expect(run([false, true, true, false, false, true])).toEqual(["-", "open", "keep", "resolve", "-", "open"]);
  });

  it("a reminder is due exactly at the quiet period", () => {
    const a = nextAlertAction({ startedAt: 0, lastNotifiedAt: 0 }, true, remind, remind);
    expect(a).toEqual({ type: "keep", notify: true });
    expect(nextAlertAction({ startedAt: 0, lastNotifiedAt: 0 }, true, remind - 1, remind)).toEqual({
      type: "keep",
      notify: false,
    });
  });
});

describe("window", () => {
  it("counts days in US Eastern time", () => {
    // 03:00Z on 2 Jan is still 1 Jan in New York (UTC-5 in winter).
    expect(postmarkDay(Date.parse("2030-01-02T03:00:00Z"))).toBe("2030-01-01");
    expect(postmarkDay(Date.parse("2030-01-02T05:00:00Z"))).toBe("2030-01-02");
    // Summer: UTC-4.
    expect(postmarkDay(Date.parse("2030-07-02T03:59:00Z"))).toBe("2030-07-01");
    expect(postmarkDay(Date.parse("2030-07-02T04:00:00Z"))).toBe("2030-07-02");
  });

  it("a window of N days ends today", () => {
    const now = Date.parse("2030-03-01T15:00:00Z");
    expect(windowRange(now, 1)).toEqual({ fromdate: "2030-03-01", todate: "2030-03-01" });
    expect(windowRange(now, 7)).toEqual({ fromdate: "2030-02-23", todate: "2030-03-01" });
  });
});
