import { afterAll, describe, expect, it, vi } from "vitest";
import { call, testSandbox } from "../test-helpers";

const posts: { url: string; body: Record<string, unknown>; headers: Headers }[] = [];
const fakeFetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
  posts.push({
    url: String(input instanceof Request ? input.url : input),
    body: JSON.parse(String(init?.body ?? "{}")),
    headers: new Headers(init?.headers),
  });
  return new Response("ok", { status: 200 });
}) as unknown as typeof fetch;

// Manual time: the test moves world time on itself, so nothing depends on how fast the machine is.
const sb = testSandbox({ historyMessages: 600, manualTime: true, fetch: fakeFetch });
const server = sb.serverToken(0);
afterAll(() => sb.close());
const DAY = 86_400_000;

describe("live simulation", () => {
  it("moves sends through delivery to opens and clicks", async () => {
    await call(sb, "POST", "/webhooks", {
      server,
      body: {
        Url: "https://receiver.local/hook",
        Triggers: { Open: { Enabled: true }, Click: { Enabled: true }, Delivery: { Enabled: true } },
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await call(sb, "POST", "/email", {
        server,
        body: {
          From: "hello@lumenapp.io",
          To: `sim${i}@example.org`,
          Subject: "s",
          HtmlBody: '<a href="https://lumenapp.io/a">a</a>',
          TrackOpens: true,
          TrackLinks: "HtmlOnly",
        },
      });
      ids.push(r.body.MessageID);
    }
    const store = [...sb.world.servers.values()][0]!;
    expect(ids.some((id) => store.messageById.get(id)!.events.length > 0)).toBe(false);
    await sb.advance(DAY);
    expect(
      ids.every((id) => store.messageById.get(id)!.events.some((e) => e.Type === "Delivered" || e.Type === "Bounced")),
    ).toBe(true);
    expect(ids.some((id) => store.opensByMessage.has(id))).toBe(true);
    const openedId = ids.find((id) => store.opensByMessage.has(id))!;
    const opens = await call(sb, "GET", `/messages/outbound/opens/${openedId}?count=10&offset=0`, { server });
    expect(opens.body.TotalCount).toBeGreaterThan(0);
    expect(posts.some((p) => p.body.RecordType === "Open" && ids.includes(p.body.MessageID as string))).toBe(true);
    expect(posts.some((p) => p.body.RecordType === "Delivery")).toBe(true);
  });

  it("routes SMTP API errors to the bounce hook when enabled, and inbound mail to InboundHookUrl", async () => {
    await call(sb, "PUT", "/server", {
      server,
      body: {
        EnableSmtpApiErrorHooks: true,
        BounceHookUrl: "https://receiver.local/bounces",
        InboundHookUrl: "https://receiver.local/inbound",
      },
    });
    await call(sb, "POST", "/email", {
      server,
      body: {
        From: "hello@lumenapp.io",
        To: "x@example.org",
        Subject: "s",
        TextBody: "t",
        Headers: [{ Name: "X-PM-Bounce-Type", Value: "SMTPApiError" }],
      },
    });
    await sb.advance(DAY);
    expect(posts.some((p) => p.url === "https://receiver.local/bounces" && p.body.Type === "SMTPApiError")).toBe(true);
    const failed = (await call(sb, "GET", "/messages/inbound?count=100&offset=0&status=failed", { server })).body
      .InboundMessages[0];
    await call(sb, "PUT", `/messages/inbound/${failed.MessageID}/retry`, { server });
    await sb.advance(0);
    expect(posts.some((p) => p.url === "https://receiver.local/inbound" && p.body.MessageID === failed.MessageID)).toBe(
      true,
    );
    const inbound = posts.find((p) => p.body.MessageID === failed.MessageID)!.body;
    expect(inbound).not.toHaveProperty("RecordType");
    expect(inbound).toHaveProperty("FromFull");
  });
});

describe("template validation", () => {
  it("returns per-part results, errors with positions and a suggested model", async () => {
    const r = await call(sb, "POST", "/templates/validate", {
      server,
      body: {
        Subject: "Hi {{ user.name }}",
        HtmlBody: "<p>{{#each items}}{{ title }}{{/each}}</p>",
        TestRenderModel: { user: { name: "Ann" } },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.AllContentIsValid).toBe(true);
    expect(r.body.Subject.RenderedContent).toBe("Hi Ann");
    expect(r.body.TextBody).toBeNull();
    expect(r.body.SuggestedTemplateModel.user.name).toBe("Ann");
    const bad = await call(sb, "POST", "/templates/validate", {
      server,
      body: { HtmlBody: "<p>\n{{#if}}oops", TextBody: "fine {{x}}" },
    });
    expect(bad.body.AllContentIsValid).toBe(false);
    expect(bad.body.HtmlBody.ContentIsValid).toBe(false);
    expect(bad.body.HtmlBody.ValidationErrors[0]).toMatchObject({ Message: expect.any(String) });
    expect(bad.body.TextBody.ContentIsValid).toBe(true);
    const layout = await call(sb, "POST", "/templates/validate", {
      server,
      body: { HtmlBody: "<h1>{{ name }}</h1>", LayoutTemplate: "basic-layout", TestRenderModel: { name: "Zed" } },
    });
    expect(layout.body.HtmlBody.RenderedContent).toContain("<!DOCTYPE html>");
    expect(layout.body.HtmlBody.RenderedContent).toContain("<h1>Zed</h1>");
  });
});

describe("chance bounces of live sends", () => {
  /** Sends 400 messages to fresh addresses on a sandbox, lets a day pass, and counts their bounces. */
  async function bouncesOf(randomBounces: boolean | undefined) {
    const box = testSandbox({ historyMessages: 0, manualTime: true, randomBounces });
    try {
      const token = box.serverToken(0);
      for (let i = 0; i < 400; i++) {
        const r = await call(box, "POST", "/email", {
          server: token,
          body: { From: "hello@lumenapp.io", To: `chance${i}@example.org`, Subject: "s", TextBody: "t" },
        });
        expect(r.status).toBe(200);
      }
      const forced = await call(box, "POST", "/email", {
        server: token,
        body: {
          From: "hello@lumenapp.io",
          To: "HardBounce@bounce-testing.postmarkapp.com",
          Subject: "s",
          TextBody: "t",
        },
      });
      expect(forced.status).toBe(200);
      await box.advance(DAY);
      const r = await call(box, "GET", "/bounces?count=500&offset=0", { server: token });
      const emails = (r.body.Bounces as { Email: string }[]).map((b) => b.Email.toLowerCase());
      return {
        chance: emails.filter((e) => e.startsWith("chance")).length,
        forced: emails.filter((e) => e.endsWith("@bounce-testing.postmarkapp.com")).length,
      };
    } finally {
      box.close();
    }
  }

  it("happen by default, and never with randomBounces: false; requested bounces happen either way", async () => {
    const on = await bouncesOf(undefined);
    const off = await bouncesOf(false);
    expect(on.chance).toBeGreaterThan(0);
    expect(off.chance).toBe(0);
    expect(on.forced).toBe(1);
    expect(off.forced).toBe(1);
  });
});
