import { afterAll, describe, expect, it } from "vitest";
import { easternDay } from "../util/time";
import { call, testSandbox } from "../test-helpers";

const NOW = Date.UTC(2025, 5, 15, 16, 0, 0);
const sb = testSandbox({ now: NOW, historyMessages: 4000 });
const server = sb.serverToken(0);
afterAll(() => sb.close());

type Row = Record<string, unknown>;
async function all(path: string, key: string): Promise<Row[]> {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 500) {
    const r = await call(sb, "GET", `${path}${path.includes("?") ? "&" : "?"}count=500&offset=${offset}`, { server });
    expect(r.status).toBe(200);
    out.push(...r.body[key]);
    if (out.length >= r.body.TotalCount) return out;
  }
}
const sumDays = (stats: { Days: Row[] }, key: string) => stats.Days.reduce((s, d) => s + ((d[key] as number) ?? 0), 0);

describe("stats agree with searches", () => {
  const ranges = [
    { label: "all time", q: "" },
    {
      label: "a 10-day window",
      q: `fromdate=${easternDay(NOW - 20 * 86_400_000)}&todate=${easternDay(NOW - 11 * 86_400_000)}`,
    },
  ];
  for (const range of ranges) {
    for (const filter of ["messagestream=outbound", "messagestream=broadcast", "messagestream=outbound&tag=welcome"]) {
      it(`${range.label}, ${filter}`, async () => {
        const q = [range.q, filter].filter(Boolean).join("&");
        const overview = (await call(sb, "GET", `/stats/outbound?${q}`, { server })).body;
        const messages = await all(`/messages/outbound?${q}`, "Messages");
        expect(overview.Sent).toBe(messages.reduce((s, m) => s + (m.Recipients as string[]).length, 0));
        expect(overview.Tracked).toBe(messages.filter((m) => m.TrackOpens || m.TrackLinks !== "None").length);
        const sends = (await call(sb, "GET", `/stats/outbound/sends?${q}`, { server })).body;
        expect(sends.Sent).toBe(overview.Sent);
        expect(sumDays(sends, "Sent")).toBe(overview.Sent);

        const bounces = await all(`/bounces?${q}`, "Bounces");
        const spam = bounces.filter((b) => b.Type === "SpamComplaint").length;
        expect(overview.SpamComplaints).toBe(spam);
        expect(overview.Bounced + overview.SMTPApiErrors).toBe(bounces.length - spam);
        const byType = (await call(sb, "GET", `/stats/outbound/bounces?${q}`, { server })).body;
        for (const t of new Set(bounces.map((b) => b.Type as string)))
          if (t !== "SpamComplaint") expect(byType[t], t).toBe(bounces.filter((b) => b.Type === t).length);
        expect((await call(sb, "GET", `/stats/outbound/spam?${q}`, { server })).body.SpamComplaint).toBe(spam);

        const opens = await all(`/messages/outbound/opens?${q}`, "Opens");
        expect(overview.Opens).toBe(opens.length);
        const openStats = (await call(sb, "GET", `/stats/outbound/opens?${q}`, { server })).body;
        expect(openStats.Opens).toBe(opens.length);
        expect(sumDays(openStats, "Opens")).toBe(opens.length);
        const clicks = await all(`/messages/outbound/clicks?${q}`, "Clicks");
        expect(overview.TotalClicks).toBe(clicks.length);
        expect((await call(sb, "GET", `/stats/outbound/clicks?${q}`, { server })).body.Clicks).toBe(clicks.length);
        const platforms = (await call(sb, "GET", `/stats/outbound/opens/platforms?${q}`, { server })).body;
        const platformTotal = ["Desktop", "Mobile", "WebMail", "Unknown"].reduce((s, k) => s + (platforms[k] ?? 0), 0);
        expect(platformTotal).toBe(openStats.Unique);
        const locations = (await call(sb, "GET", `/stats/outbound/clicks/location?${q}`, { server })).body;
        expect((locations.HTML ?? 0) + (locations.Text ?? 0)).toBe(overview.UniqueLinksClicked);
      });
    }
  }

  it("has realistic rates", async () => {
    const o = (await call(sb, "GET", "/stats/outbound", { server })).body;
    expect(o.BounceRate).toBeGreaterThan(1);
    expect(o.BounceRate).toBeLessThan(5);
    expect(o.UniqueOpens / o.Sent).toBeGreaterThan(0.3);
    expect(o.UniqueOpens / o.Sent).toBeLessThan(0.5);
    expect(o.UniqueLinksClicked / o.Sent).toBeGreaterThan(0.04);
  });
});
