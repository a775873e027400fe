// Drives a started sandbox with the official `postmark` client: every call it offers must parse.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { AccountClient, Errors, ServerClient } from "postmark";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./index";

let sb: RunningSandbox;
let client: ServerClient;
let account: AccountClient;
const received: { body: Record<string, unknown>; headers: IncomingMessage["headers"] }[] = [];
let hookUrl = "";
const hook = createServer((req, res) => {
  let data = "";
  req.on("data", (c) => (data += c));
  req.on("end", () => {
    received.push({ body: JSON.parse(data || "{}"), headers: req.headers });
    res.writeHead(200).end("ok");
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  // Manual time: the tests move world time on (sb.advance) instead of waiting for it.
  sb = await startSandbox({
    port: 0,
    seed: "client-suite",
    historyMessages: 2000,
    eventsPerMinute: 0,
    manualTime: true,
    fetch: localOnly,
  });
  const host = sb.url.replace("http://", "");
  client = new ServerClient(sb.servers[0]!.apiToken, { useHttps: false, requestHost: host });
  account = new AccountClient(sb.accountToken, { useHttps: false, requestHost: host });
});
afterAll(async () => {
  await sb.close();
  hook.close();
});

const HOUR = 3_600_000;
// Webhooks reach the local hook server for real; the seeded ones (hooks.example.com) are answered here, off the network.
const localOnly: typeof fetch = (input, init) =>
  new URL(input instanceof Request ? input.url : String(input)).hostname === "127.0.0.1"
    ? fetch(input, init)
    : Promise.resolve(new Response("ok"));
const found = <T>(v: T | undefined): T => {
  expect(v).toBeDefined();
  return v!;
};

describe("official postmark client against the sandbox", () => {
  it("reads messages, bounces, opens, clicks and inbound", async () => {
    const out = await client.getOutboundMessages({ count: 5, offset: 0 });
    expect(out.Messages.length).toBe(5);
    const id = out.Messages[0]!.MessageID;
    expect((await client.getOutboundMessageDetails(id)).MessageEvents).toBeInstanceOf(Array);
    expect((await client.getOutboundMessageDump(id)).Body).toContain("X-PM-Message-Id");
    const bounces = await client.getBounces({ count: 3, offset: 0 });
    expect(bounces.TotalCount).toBeGreaterThan(0);
    const b = bounces.Bounces[0]!;
    expect((await client.getBounce(b.ID)).ID).toBe(b.ID);
    expect(typeof (await client.getBounceDump(b.ID)).Body).toBe("string");
    expect((await client.getDeliveryStatistics()).Bounces[0]!.Name).toBe("All");
    const opens = await client.getMessageOpens({ count: 2, offset: 0 });
    expect(opens.Opens.length).toBe(2);
    expect(
      (await client.getMessageOpensForSingleMessage(opens.Opens[0]!.MessageID, { count: 5, offset: 0 })).TotalCount,
    ).toBeGreaterThan(0);
    const clicks = await client.getMessageClicks({ count: 2, offset: 0 });
    expect(
      (await client.getMessageClicksForSingleMessage(clicks.Clicks[0]!.MessageID, { count: 5, offset: 0 })).TotalCount,
    ).toBeGreaterThan(0);
    const inbound = await client.getInboundMessages({ count: 50, offset: 0 });
    expect((await client.getInboundMessageDetails(inbound.InboundMessages[0]!.MessageID)).MessageID).toBeTruthy();
    const blocked = inbound.InboundMessages.find((m) => m.Status === "Blocked");
    if (blocked) expect((await client.bypassBlockedInboundMessage(blocked.MessageID)).ErrorCode).toBe(0);
    const failed = inbound.InboundMessages.find((m) => m.Status === "Failed");
    if (failed) expect((await client.retryInboundHookForMessage(failed.MessageID)).ErrorCode).toBe(0);
  });

  it("reads every stats call", async () => {
    expect((await client.getOutboundOverview({})).Sent).toBeGreaterThan(0);
    for (const f of [
      client.getSentCounts,
      client.getBounceCounts,
      client.getSpamComplaintsCounts,
      client.getTrackedEmailCounts,
      client.getEmailOpenCounts,
      client.getEmailOpenPlatformUsage,
      client.getEmailOpenClientUsage,
      client.getClickCounts,
      client.getClickBrowserUsage,
      client.getClickPlatformUsage,
      client.getClickLocation,
    ]) {
      const r = (await f.call(client, { messageStream: "outbound" })) as { Days: unknown[] };
      expect(r.Days).toBeInstanceOf(Array);
    }
  });

  it("manages templates, server, streams, suppressions, rules and webhooks", async () => {
    const t = await client.createTemplate({
      Name: "Client test",
      Alias: "client-test",
      Subject: "Hi {{name}}",
      HtmlBody: "<p>Hello {{name}}</p>",
      TextBody: "Hello {{name}}",
      LayoutTemplate: "basic-layout",
    });
    expect((await client.getTemplate(t.TemplateId)).Alias).toBe("client-test");
    expect((await client.editTemplate("client-test", { Subject: "Hey {{name}}" })).TemplateId).toBe(t.TemplateId);
    expect((await client.getTemplates({ count: 100, offset: 0 })).TotalCount).toBeGreaterThan(5);
    const v = await client.validateTemplate({
      Subject: "Hi {{name}}",
      HtmlBody: "<p>{{#each items}}{{title}}{{/each}}</p>",
      TestRenderModel: { name: "Ann" },
    });
    expect(v.AllContentIsValid).toBe(true);
    expect(v.Subject.RenderedContent).toBe("Hi Ann");
    expect((await client.deleteTemplate("client-test")).ErrorCode).toBe(0);
    expect((await client.getServer()).ID).toBe(sb.servers[0]!.id);
    expect((await client.editServer({ InboundHookUrl: hookUrl })).InboundHookUrl).toBe(hookUrl);
    const streams = await client.getMessageStreams({});
    expect(streams.MessageStreams.map((s) => s.ID)).toEqual(
      expect.arrayContaining(["outbound", "broadcast", "inbound"]),
    );
    await client.createMessageStream({
      ID: "client-stream",
      Name: "Client",
      MessageStreamType: "Transactional" as never,
    });
    expect((await client.getMessageStream("client-stream")).Name).toBe("Client");
    expect((await client.editMessageStream("client-stream", { Name: "Client 2" })).Name).toBe("Client 2");
    expect((await client.archiveMessageStream("client-stream")).ID).toBe("client-stream");
    expect((await client.unarchiveMessageStream("client-stream")).ArchivedAt).toBeNull();
    expect(
      (await client.createSuppressions("outbound", { Suppressions: [{ EmailAddress: "client@example.com" }] }))
        .Suppressions[0]!.Status,
    ).toBe("Suppressed");
    expect(
      (await client.getSuppressions("outbound", { emailAddress: "client@example.com" } as never)).Suppressions.length,
    ).toBe(1);
    expect(
      (await client.deleteSuppressions("outbound", { Suppressions: [{ EmailAddress: "client@example.com" }] }))
        .Suppressions[0]!.Status,
    ).toBe("Deleted");
    const rule = await client.createInboundRuleTrigger({ Rule: "blocked@example.net" });
    expect(
      (await client.getInboundRuleTriggers({ count: 10, offset: 0 })).InboundRules.some((r) => r.ID === rule.ID),
    ).toBe(true);
    expect((await client.deleteInboundRuleTrigger(rule.ID)).ErrorCode).toBe(0);
    const w = await client.createWebhook({
      Url: hookUrl,
      MessageStream: "outbound",
      HttpAuth: { Username: "u", Password: "p" },
      HttpHeaders: [{ Name: "X-Secret", Value: "s3" }],
      Triggers: {
        Delivery: { Enabled: true },
        Bounce: { Enabled: true, IncludeContent: false },
        SubscriptionChange: { Enabled: true },
      },
    });
    expect((await client.getWebhook(w.ID!)).Url).toBe(hookUrl);
    expect((await client.getWebhooks({ messageStream: "outbound" })).Webhooks.some((x) => x.ID === w.ID)).toBe(true);
    expect(
      (await client.editWebhook(w.ID!, { Triggers: { Open: { Enabled: false, PostFirstOpenOnly: false } } })).ID,
    ).toBe(w.ID);
  });

  it("sends, delivers, bounces and posts webhooks with auth", async () => {
    const sent = await client.sendEmail({
      From: "hello@lumenapp.io",
      To: "reader@example.org",
      Subject: "Hi",
      HtmlBody: '<a href="https://lumenapp.io/x">x</a>',
      TrackOpens: true,
    });
    expect(sent.ErrorCode).toBe(0);
    await sb.advance(HOUR);
    const delivery = found(
      received.find((r) => r.body.RecordType === "Delivery" && r.body.MessageID === sent.MessageID),
    );
    expect(delivery.headers.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(delivery.headers["x-secret"]).toBe("s3");
    const details = await client.getOutboundMessageDetails(sent.MessageID);
    expect(details.MessageEvents.some((e) => e.Type === "Delivered")).toBe(true);

    const bounced = await client.sendEmail({
      From: "hello@lumenapp.io",
      To: "HardBounce@bounce-testing.postmarkapp.com",
      Subject: "Bounce me",
      TextBody: "x",
    });
    await sb.advance(HOUR);
    const bounce = found(
      received.find((r) => r.body.RecordType === "Bounce" && r.body.MessageID === bounced.MessageID),
    );
    expect(bounce.body.Type).toBe("HardBounce");
    found(
      received.find(
        (r) =>
          r.body.RecordType === "SubscriptionChange" &&
          r.body.Recipient === "HardBounce@bounce-testing.postmarkapp.com",
      ),
    );
    const search = await client.getBounces({ count: 5, offset: 0, messageID: bounced.MessageID } as never);
    expect(search.Bounces[0]!.Type).toBe("HardBounce");
    // The hard bounce suppressed the address: the next send is refused with the client's own error class.
    const err = await client
      .sendEmail({
        From: "hello@lumenapp.io",
        To: "HardBounce@bounce-testing.postmarkapp.com",
        Subject: "again",
        TextBody: "x",
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.InactiveRecipientsError);
    expect((err as Errors.InactiveRecipientsError).recipients).toEqual(["HardBounce@bounce-testing.postmarkapp.com"]);
    expect((await client.activateBounce(search.Bounces[0]!.ID)).Bounce.Inactive).toBe(false);
  });

  it("sends batches, templates and bulk", async () => {
    const batch = await client.sendEmailBatch([
      { From: "hello@lumenapp.io", To: "a@example.org", Subject: "1", TextBody: "x" },
      { From: "hello@lumenapp.io", To: "b@example.org", Subject: "2", TextBody: "y" },
    ]);
    expect(batch.map((r) => r.ErrorCode)).toEqual([0, 0]);
    const templated = await client.sendEmailWithTemplate({
      From: "hello@lumenapp.io",
      To: "c@example.org",
      TemplateAlias: "welcome",
      TemplateModel: { name: "Cleo", product_name: "Lumen" },
    });
    const details = await client.getOutboundMessageDetails(templated.MessageID);
    expect(details.Subject).toBe("Welcome to Lumen, Cleo!");
    expect(details.HtmlBody).toContain("Welcome, Cleo!");
    expect(details.HtmlBody).toContain("<!DOCTYPE html>");
    const tb = await client.sendEmailBatchWithTemplates([
      { From: "hello@lumenapp.io", To: "d@example.org", TemplateAlias: "welcome", TemplateModel: {} },
      { From: "hello@lumenapp.io", To: "e@example.org", TemplateAlias: "missing", TemplateModel: {} },
    ]);
    expect(tb.map((r) => r.ErrorCode)).toEqual([0, 1101]);
    const bulk = await client.sendBulkEmail({
      From: "news@lumenapp.io",
      Subject: "Hi {{FirstName}}",
      HtmlBody: "<p>Hi {{FirstName}}</p>",
      MessageStream: "broadcast",
      Messages: [
        { To: "f@example.org", TemplateModel: { FirstName: "F" } },
        { To: "g@example.org", TemplateModel: { FirstName: "G" } },
      ],
    } as never);
    const bulkId = (bulk as unknown as { Id: string }).Id;
    expect((await client.getBulkEmailStatus(bulkId)).Status).toBe("Accepted");
    await sb.advance(HOUR);
    const status = await client.getBulkEmailStatus(bulkId);
    expect(status).toMatchObject({ Status: "Completed", TotalMessages: 2, ReleasedCount: 2 });
    const sentBulk = await client.getOutboundMessages({ count: 10, offset: 0, recipient: "g@example.org" } as never);
    expect(sentBulk.Messages[0]!.Subject).toBe("Hi G");
  });

  it("maps errors to the client's classes", async () => {
    const bad = new ServerClient("not-a-token", { useHttps: false, requestHost: sb.url.replace("http://", "") });
    await expect(bad.getServer()).rejects.toBeInstanceOf(Errors.InvalidAPIKeyError);
    await expect(client.getTemplate(424242)).rejects.toMatchObject({ code: 1101 });
  });

  it("covers the account client", async () => {
    expect((await account.getServers({ count: 10, offset: 0 })).TotalCount).toBe(3);
    const srv = await account.createServer({ Name: "Client Server", Color: "red" });
    expect((await account.getServer(srv.ID)).Name).toBe("Client Server");
    expect((await account.editServer(srv.ID, { Color: "blue" })).Color).toBe("blue");
    const push = await account.pushTemplates({
      SourceServerID: sb.servers[0]!.id,
      DestinationServerID: srv.ID,
      PerformChanges: true,
    });
    expect(push.TotalCount).toBeGreaterThan(0);
    expect((await account.deleteServer(srv.ID)).ErrorCode).toBe(0);
    const d = await account.createDomain({ Name: "client-domain.dev" });
    expect((await account.getDomain(d.ID)).Name).toBe("client-domain.dev");
    expect((await account.getDomains({ count: 10, offset: 0 })).TotalCount).toBeGreaterThan(3);
    expect((await account.editDomain(d.ID, { ReturnPathDomain: "bounce.client-domain.dev" })).ReturnPathDomain).toBe(
      "bounce.client-domain.dev",
    );
    expect((await account.verifyDomainDKIM(d.ID)).DKIMVerified).toBe(true);
    expect((await account.verifyDomainReturnPath(d.ID)).ReturnPathDomainVerified).toBe(true);
    expect((await account.verifyDomainSPF(d.ID)).SPFVerified).toBe(true);
    expect((await account.rotateDomainDKIM(d.ID)).DKIMUpdateStatus).toBe("Pending");
    await expect(account.rotateDomainDKIM(d.ID)).rejects.toMatchObject({ code: 505 });
    expect((await account.deleteDomain(d.ID)).ErrorCode).toBe(0);
    const s = await account.createSenderSignature({ FromEmail: "ops@client-domain.dev", Name: "Ops" });
    expect((await account.getSenderSignature(s.ID)).Confirmed).toBe(false);
    expect((await account.getSenderSignatures({ count: 10, offset: 0 })).TotalCount).toBeGreaterThan(4);
    expect((await account.editSenderSignature(s.ID, { Name: "Ops 2" })).Name).toBe("Ops 2");
    expect((await account.resendSenderSignatureConfirmation(s.ID)).ErrorCode).toBe(0);
    expect((await account.verifySenderSignatureSPF(s.ID)).SPFVerified).toBe(true);
    await expect(account.requestNewDKIMForSenderSignature(s.ID)).rejects.toMatchObject({ code: 505 });
    expect((await account.deleteSenderSignature(s.ID)).ErrorCode).toBe(0);
    const removal = await account.requestDataRemoval({
      RequestedBy: "dpo@lumenapp.io",
      RequestedFor: "someone@example.org",
      NotifyWhenCompleted: false,
    });
    expect((await account.getDataRemovalStatus(removal.ID)).Status).toBe("Pending");
  });
});
