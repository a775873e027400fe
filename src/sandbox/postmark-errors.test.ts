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

const rejection = (p: Promise<unknown>) => p.then(() => expect.unreachable("the call should have failed"), (e: unknown) => e as Errors.PostmarkError);
const notMine = (from: string) => `The 'From' address you supplied (${from}) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.`;

describe("From must be a confirmed signature or on a verified domain", () => {
  it("sends from a confirmed signature, a verified domain and its subdomain", async () => {
    for (const From of ["hello@lumenapp.io", "Lumen <anyone@lumenapp.io>", "ops@staging.lumenapp.io", "BILLING@LUMENAPP.IO", "news@harbor-news.com"]) {
      expect((await client.sendEmail({ From, To: "r@example.org", Subject: "s", TextBody: "t" })).ErrorCode, From).toBe(0);
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
    const err = await rejection(client.sendEmailWithTemplate({ From: "x@elsewhere.org", To: "r@example.org", TemplateAlias: "welcome", TemplateModel: {} }));
    expect([err.code, err.message]).toEqual([400, notMine("x@elsewhere.org")]);
  });

  it("lets a newly confirmed domain send", async () => {
    const d = await account.createDomain({ Name: "fresh-domain.dev" });
    expect((await rejection(client.sendEmail({ From: "a@fresh-domain.dev", To: "r@example.org", Subject: "s", TextBody: "t" }))).code).toBe(400);
    await account.verifyDomainDKIM(d.ID);
    expect((await client.sendEmail({ From: "a@fresh-domain.dev", To: "r@example.org", Subject: "s", TextBody: "t" })).ErrorCode).toBe(0);
  });

  it("does not check senders with the POSTMARK_API_TEST token (it has no account)", async () => {
    const test = new ServerClient("POSTMARK_API_TEST", { useHttps: false, requestHost: host });
    expect((await test.sendEmail({ From: "x@elsewhere.org", To: "r@example.org", Subject: "s", TextBody: "t" })).Message).toBe("Test job accepted");
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
    const bulk = (Messages: { To: string }[], From = "news@lumenapp.io") => client.sendBulkEmail({ From, Subject: "Hi", TextBody: "x", MessageStream: "broadcast", Messages } as never);
    const many = await rejection(bulk([{ To: "ok@example.org" }, { To: "bad" }, { To: "ok2@example.org" }, { To: "also bad" }]));
    expect([many.statusCode, many.code]).toEqual([422, 11]);
    const body = await fetch(`${sb.url}/email/bulk`, {
      method: "POST",
      headers: { "X-Postmark-Server-Token": sb.servers[0]!.apiToken, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ From: "news@lumenapp.io", Subject: "Hi", TextBody: "x", MessageStream: "broadcast", Messages: [{ To: "bad" }, { To: "ok@example.org" }, { To: "worse" }] }),
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
