import { describe, expect, it } from "vitest";
import { emptyRuleForm, formFromRule, ruleFromForm } from "./alert-rule-form";

describe("alert rule form", () => {
  it("builds a valid rule of each kind with only that kind's fields", () => {
    const v = { ...emptyRuleForm(3), name: "Bounces", tag: " invoice " };
    expect(ruleFromForm(v)).toEqual({
      rule: {
        kind: "bounce-rate",
        name: "Bounces",
        enabled: true,
        scope: { serverId: 3, tag: "invoice" },
        windowDays: 1,
        remindAfterMinutes: 60,
        level: "critical",
      },
    });
    const silence = ruleFromForm({ ...v, kind: "webhook-silence", trigger: "open", minutes: "45" });
    expect(silence.rule).toMatchObject({ kind: "webhook-silence", trigger: "open", minutes: 45 });
    expect(silence.rule).not.toHaveProperty("level");
  });

  it("names the fields in error", () => {
    const r = ruleFromForm({ ...emptyRuleForm(null), name: " ", windowDays: "0", atLeast: "", kind: "bounce-type" });
    expect(r.errors).toMatchObject({ name: "Give the rule a name", serverId: "Choose a server" });
    expect(r.errors?.windowDays).toBeDefined();
    expect(r.errors?.atLeast).toBeDefined();
  });

  it("round-trips a stored rule", () => {
    const rule = {
      kind: "bounce-type" as const,
      name: "DMARC",
      enabled: false,
      scope: { serverId: 2, stream: "outbound" },
      windowDays: 7,
      remindAfterMinutes: 120,
      bounceType: "Blocked" as const,
      atLeast: 3,
    };
    expect(ruleFromForm(formFromRule(rule)).rule).toEqual(rule);
  });
});
