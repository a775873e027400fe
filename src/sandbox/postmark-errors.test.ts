// Errors as Postmark gives them, through the official `postmark` client over HTTP.
import { AccountClient, Errors, ServerClient } from "postmark";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./index";

let sb: RunningSandbox;
let client: ServerClient;
let account: AccountClient;
let host = "";

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: "errors-suite", historyMessages: 400, eventsPerMinute: 0 });
  host = sb.url.replace("http://", "");
  client = new ServerClient(sb.servers[0]!.apiToken, { useHttps: false, requestHost: host });
  account = new AccountClient(sb.accountToken, { useHttps: false, requestHost: host });
});
afterAll(() => sb.close());

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the call should have failed"),
    (e: unknown) => e as Errors.PostmarkError,
  );
const notMine = (from: string) =>
  `The 'From' address you supplied (${from}) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.`;

describe("From must be a confirmed signature or on a verified domain", () => {
  it("sends from a confirmed signature, a verified domain and its subdomain", async () => {
    for (const From of [
      "hello@lumenapp.io",
      "Lumen <anyone@lumenapp.io>",
      "ops@staging.lumenapp.io",
      "BILLING@LUMENAPP.IO",
      "news@harbor-news.com",
    ]) {
      expect((await client.sendEmail({ From, To: "r@example.org", Subject: "s", TextBody: "t" })).ErrorCode, From).toBe(
        0,
      );
    }
  });

  it("refuses an unknown sender, an unconfirmed signature and an unverified domain with 400", async () => {
    for (const From of ["someone@elsewhere.org", "Ops <ops@acme-mail.dev>", "x@acme-mail.dev", "x@notlumenapp.io"]) {
      const err = await rejection(client.sendEmail({ From, To: "r@example.org", Subject: "s", TextBody: "t" }));
      expect(err, From).toBeInstanceOf(Errors.ApiInputError);
      expect([err.statusCode, err.code, err.message]).toEqual([422, 400, notMine(From)]);
    }
  });

  it("checks templated sends too", async () => {
    const err = await rejection(
      client.sendEmailWithTemplate({
        From: "x@elsewhere.org",
        To: "r@example.org",
        TemplateAlias: "welcome",
        TemplateModel: {},
      }),
    );
    expect([err.code, err.message]).toEqual([400, notMine("x@elsewhere.org")]);
  });

  it("lets a newly confirmed domain send", async () => {
    const d = await account.createDomain({ Name: "fresh-domain.dev" });
    expect(
      (
        await rejection(
          client.sendEmail({ From: "a@fresh-domain.dev", To: "r@example.org", Subject: "s", TextBody: "t" }),
        )
      ).code,
    ).toBe(400);
    await account.verifyDomainDKIM(d.ID);
    expect(
      (await client.sendEmail({ From: "a@fresh-domain.dev", To: "r@example.org", Subject: "s", TextBody: "t" }))
        .ErrorCode,
    ).toBe(0);
  });

  it("does not check senders with the POSTMARK_API_TEST token (it has no account)", async () => {
    const test = new ServerClient("POSTMARK_API_TEST", { useHttps: false, requestHost: host });
    expect(
      (await test.sendEmail({ From: "x@elsewhere.org", To: "r@example.org", Subject: "s", TextBody: "t" })).Message,
    ).toBe("Test job accepted");
  });
});

describe("batches report every invalid message", () => {
  it("answers per message in /email/batch", async () => {
    const results = await client.sendEmailBatch([
      { From: "hello@lumenapp.io", To: "ok@example.org", Subject: "1", TextBody: "x" },
      { From: "x@elsewhere.org", To: "ok@example.org", Subject: "2", TextBody: "x" },
      { From: "hello@lumenapp.io", To: "not-an-address", Subject: "3", TextBody: "x" },
      { From: "hello@lumenapp.io", To: "ok@example.org", Subject: "4" },
      { From: "y@acme-mail.dev", To: "ok@example.org", Subject: "5", TextBody: "x" },
    ]);
    expect(results.map((r) => r.ErrorCode)).toEqual([0, 400, 300, 300, 400]);
    expect(results[1]!.Message).toBe(notMine("x@elsewhere.org"));
    expect(results[0]!.MessageID).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers per message in /email/batchWithTemplates", async () => {
    const results = await client.sendEmailBatchWithTemplates([
      { From: "x@elsewhere.org", To: "a@example.org", TemplateAlias: "welcome", TemplateModel: {} },
      { From: "hello@lumenapp.io", To: "b@example.org", TemplateAlias: "welcome", TemplateModel: {} },
      { From: "hello@lumenapp.io", To: "c@example.org", TemplateAlias: "missing", TemplateModel: {} },
    ]);
    expect(results.map((r) => r.ErrorCode)).toEqual([400, 0, 1101]);
  });

  it("refuses a bulk request naming every bad message, and sends nothing", async () => {
    const before = (await client.getOutboundMessages({ count: 1, offset: 0 })).TotalCount;
    const bulk = (Messages: { To: string }[], From = "news@lumenapp.io") =>
      client.sendBulkEmail({ From, Subject: "Hi", TextBody: "x", MessageStream: "broadcast", Messages } as never);
    const many = await rejection(
      bulk([{ To: "ok@example.org" }, { To: "bad" }, { To: "ok2@example.org" }, { To: "also bad" }]),
    );
    expect([many.statusCode, many.code]).toEqual([422, 11]);
    const body = await fetch(`${sb.url}/email/bulk`, {
      method: "POST",
      headers: {
        "X-Postmark-Server-Token": sb.servers[0]!.apiToken,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify({
        From: "news@lumenapp.io",
        Subject: "Hi",
        TextBody: "x",
        MessageStream: "broadcast",
        Messages: [{ To: "bad" }, { To: "ok@example.org" }, { To: "worse" }],
      }),
    }).then((r) => r.json() as Promise<{ ErrorCode: number; Errors: Record<string, { ErrorCode: number }[]> }>);
    expect(body.ErrorCode).toBe(11);
    expect(Object.keys(body.Errors)).toEqual(["Messages[0]", "Messages[2]"]);
    expect(body.Errors["Messages[0]"]![0]!.ErrorCode).toBe(300);
    const one = await rejection(bulk([{ To: "ok@example.org" }, { To: "bad" }]));
    expect(one.code).toBe(300);
    const sender = await rejection(bulk([{ To: "ok@example.org" }], "x@elsewhere.org"));
    expect([sender.code, sender.message]).toEqual([400, notMine("x@elsewhere.org")]);
    expect((await client.getOutboundMessages({ count: 1, offset: 0 })).TotalCount).toBe(before);
  });
});

describe("on a pinned clock", () => {
  // A pinned clock makes dates and the rate-limit window deterministic.
  const now = Date.UTC(2026, 11, 4, 15, 0, 0);
  let pinned: RunningSandbox;
  let c: ServerClient;
  const simulate = (method: string, body?: unknown, token = "sandbox-account-token") =>
    fetch(`${pinned.url}/__sandbox/simulate`, {
      method,
      headers: { "X-Postmark-Account-Token": token, "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    pinned = await startSandbox({ port: 0, seed: "pinned-suite", historyMessages: 3000, eventsPerMinute: 0, now });
    c = new ServerClient(pinned.servers[0]!.apiToken, {
      useHttps: false,
      requestHost: pinned.url.replace("http://", ""),
    });
  });
  afterAll(() => pinned.close());

  describe("date filters without zero padding", () => {
    it("give the same answers as padded dates on every endpoint that takes them", async () => {
      const padded = { fromDate: "2026-11-03", toDate: "2026-12-03" };
      const bare = { fromDate: "2026-11-3", toDate: "2026-12-3" };
      const calls: [string, (f: typeof padded) => Promise<unknown>][] = [
        ["outbound", (f) => c.getOutboundMessages({ count: 1, offset: 0, ...f }).then((r) => r.TotalCount)],
        ["inbound", (f) => c.getInboundMessages({ count: 1, offset: 0, ...f }).then((r) => r.TotalCount)],
        ["opens", (f) => c.getMessageOpens({ count: 1, offset: 0, ...f } as never).then((r) => r.TotalCount)],
        ["clicks", (f) => c.getMessageClicks({ count: 1, offset: 0, ...f } as never).then((r) => r.TotalCount)],
        ["bounces", (f) => c.getBounces({ count: 1, offset: 0, ...f }).then((r) => r.TotalCount)],
        ["overview", (f) => c.getOutboundOverview(f).then((r) => r.Sent)],
        ["sent counts", (f) => c.getSentCounts(f).then((r) => r.Days.length)],
        ["suppressions", (f) => c.getSuppressions("outbound", f as never).then((r) => r.Suppressions.length)],
      ];
      for (const [name, call] of calls) {
        const a = await call(padded);
        expect(await call(bare), name).toEqual(a);
        if (name !== "suppressions" && name !== "inbound") expect(a, name).not.toBe(0);
      }
      const withTime = await c.getOutboundMessages({
        count: 1,
        offset: 0,
        fromDate: "2026-12-3T5:04:00",
        toDate: "2026-12-3T9:4:5",
      });
      expect(withTime.TotalCount).toBe(
        (
          await c.getOutboundMessages({
            count: 1,
            offset: 0,
            fromDate: "2026-12-03T05:04:00",
            toDate: "2026-12-03T09:04:05",
          })
        ).TotalCount,
      );
    });

    it("still refuse dates that are not dates, with each endpoint's code", async () => {
      for (const bad of ["2026-13-3", "2026-2-30", "3/12/2026", "2026-12-3T25:00"]) {
        expect((await rejection(c.getOutboundMessages({ count: 1, offset: 0, fromDate: bad }))).code, bad).toBe(700);
        expect((await rejection(c.getBounces({ count: 1, offset: 0, toDate: bad }))).code, bad).toBe(1000);
        expect((await rejection(c.getOutboundOverview({ fromDate: bad }))).code, bad).toBe(900);
      }
    });
  });

  describe("429 and 413 on demand", () => {
    it("guards the admin path with the account token and validates its settings", async () => {
      expect((await simulate("GET", undefined, "wrong")).status).toBe(401);
      expect((await simulate("GET", undefined, pinned.servers[0]!.apiToken)).status).toBe(401);
      expect(await (await simulate("GET")).json()).toEqual({ rateLimit: null, maxBodyBytes: null, failNext: null });
      const bad = await simulate("PUT", { rateLimit: { requests: 0, windowSeconds: 60 } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { Message: string }).Message).toMatch(/rateLimit\.requests/);
      expect((await simulate("PUT", { slow: true })).status).toBe(400);
    });

    it("rate-limits API calls past the limit with Postmark's 429, until turned off", async () => {
      expect((await simulate("PUT", { rateLimit: { requests: 2, windowSeconds: 60 } })).status).toBe(200);
      await c.getServer();
      await c.getServer();
      const err = await rejection(c.getServer());
      expect(err).toBeInstanceOf(Errors.RateLimitExceededError);
      expect(err.statusCode).toBe(429);
      expect(err.message).toMatch(/^Rate Limit Exceeded/);
      // The admin path itself is never limited.
      expect((await simulate("GET")).status).toBe(200);
      await simulate("DELETE");
      expect((await c.getServer()).ID).toBe(pinned.servers[0]!.id);
    });

    it("fails the next calls once each (retry paths), then answers normally", async () => {
      await simulate("PUT", { failNext: { status: 429, count: 2 } });
      const send = () => c.sendEmail({ From: "hello@lumenapp.io", To: "r@example.org", Subject: "s", TextBody: "t" });
      expect((await rejection(send())).statusCode).toBe(429);
      expect((await rejection(send())).statusCode).toBe(429);
      expect((await send()).ErrorCode).toBe(0);
    });

    it("answers 413 for bodies over the simulated cap and over Postmark's 10 MB", async () => {
      await simulate("PUT", { maxBodyBytes: 2048 });
      const send = (size: number) =>
        c.sendEmail({ From: "hello@lumenapp.io", To: "r@example.org", Subject: "s", TextBody: "x".repeat(size) });
      expect((await send(500)).ErrorCode).toBe(0);
      const err = await rejection(send(4000));
      expect(err.statusCode).toBe(413);
      expect(err.message).toMatch(/Payload Too Large/);
      await simulate("DELETE");
      expect((await send(4000)).ErrorCode).toBe(0);
      const huge = await rejection(send(10 * 1024 * 1024 + 10));
      expect(huge.statusCode).toBe(413);
    });

    it("starts with SANDBOX_SIMULATE settings", async () => {
      const limited = await startSandbox({
        port: 0,
        seed: "pinned-suite",
        historyMessages: 0,
        eventsPerMinute: 0,
        now,
        simulate: "rate-limit:1/1h",
      });
      try {
        const lc = new ServerClient(limited.servers[0]!.apiToken, {
          useHttps: false,
          requestHost: limited.url.replace("http://", ""),
        });
        await lc.getServer();
        expect((await rejection(lc.getServer())).statusCode).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });
});
