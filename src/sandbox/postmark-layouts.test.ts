// Layouts through the official `postmark` client over HTTP: create, edit, validate and send through them.
import { AccountClient, Errors, Models, ServerClient } from "postmark";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./index";

let sb: RunningSandbox;
let client: ServerClient;
let account: AccountClient;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: "layouts-suite", historyMessages: 200, eventsPerMinute: 0 });
  const host = sb.url.replace("http://", "");
  client = new ServerClient(sb.servers[0]!.apiToken, { useHttps: false, requestHost: host });
  account = new AccountClient(sb.accountToken, { useHttps: false, requestHost: host });
});
afterAll(() => sb.close());

const Layout = Models.TemplateTypes.Layout;
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the call should have failed"),
    (e: unknown) => e as Errors.PostmarkError,
  );

describe("layouts through the API", () => {
  it("creates layouts written {{{@content}}} or {{{ @content }}} and reads them back", async () => {
    const tight = await client.createTemplate({
      Name: "Tight",
      Alias: "tight",
      TemplateType: Layout,
      HtmlBody: "<main>{{{@content}}}</main>",
      TextBody: "Text {{{@content}}}",
    });
    expect(tight.TemplateType).toBe(Layout);
    const spaced = await client.createTemplate({
      Name: "Spaced",
      Alias: "spaced",
      TemplateType: Layout,
      HtmlBody: "<header>{{ brand }}</header>{{{ @content }}}<footer>{{ company }}</footer>",
    });
    const read = await client.getTemplate(spaced.TemplateId);
    expect([read.TemplateType, read.Subject, read.LayoutTemplate]).toEqual([Layout, "", null]);
    expect(read.HtmlBody).toContain("{{{ @content }}}");
    expect(
      (await client.getTemplates({ count: 50, offset: 0, templateType: Layout })).Templates.map((t) => t.Alias),
    ).toEqual(expect.arrayContaining(["tight", "spaced"]));
  });

  it("edits a layout and refuses a body without the placeholder with 1131", async () => {
    const t = await client.createTemplate({
      Name: "Editable",
      Alias: "editable",
      TemplateType: Layout,
      HtmlBody: "Html body {{{@content}}}",
      TextBody: "Text body {{{@content}}}",
    });
    expect(
      (await client.editTemplate(t.TemplateId, { Name: "Edited", HtmlBody: "<div>{{{ @content }}}</div>" })).Name,
    ).toBe("Edited");
    const err = await rejection(client.editTemplate(t.TemplateId, { HtmlBody: "Html content" }));
    expect(err).toBeInstanceOf(Errors.ApiInputError);
    expect([err.statusCode, err.code]).toEqual([422, 1131]);
    expect(err.message).toMatch(/^The layout content placeholder must be present/);
    const twice = await rejection(client.editTemplate(t.TemplateId, { TextBody: "{{{@content}}} {{{ @content }}}" }));
    expect(twice.code).toBe(1131);
    const unchanged = await client.getTemplate(t.TemplateId);
    expect([unchanged.HtmlBody, unchanged.TextBody]).toEqual([
      "<div>{{{ @content }}}</div>",
      "Text body {{{@content}}}",
    ]);
  });

  it("refuses a new layout without the placeholder, or with a subject", async () => {
    const missing = await rejection(
      client.createTemplate({ Name: "No slot", TemplateType: Layout, HtmlBody: "<p>nothing</p>" }),
    );
    expect([missing.code, missing.message.startsWith("The layout content placeholder must be present")]).toEqual([
      1131,
      true,
    ]);
    const textMissing = await rejection(
      client.createTemplate({ Name: "Half", TemplateType: Layout, HtmlBody: "{{{ @content }}}", TextBody: "no slot" }),
    );
    expect(textMissing.code).toBe(1131);
    expect(
      (
        await rejection(
          client.createTemplate({ Name: "Subj", Subject: "Hi", TemplateType: Layout, HtmlBody: "{{{ @content }}}" }),
        )
      ).code,
    ).toBe(1123);
  });

  it("keeps the placeholder out of standard templates (1131)", async () => {
    const err = await rejection(
      client.createTemplate({ Name: "Std", Subject: "s", HtmlBody: "<p>{{{ @content }}}</p>" }),
    );
    expect(err.code).toBe(1131);
  });

  it("validates layouts with the layout rules", async () => {
    const ok = await client.validateTemplate({
      TemplateType: Layout,
      TestRenderModel: { id: 7 },
      HtmlBody: "{{{@content}}}",
      TextBody: "text body for template {{id}} {{{@content}}}!",
    });
    expect(ok.AllContentIsValid).toBe(true);
    expect(ok.Subject).toBeNull();
    expect(ok.TextBody.RenderedContent).toBe("text body for template 7 {{{ @content }}}!");
    const bad = await client.validateTemplate({
      TemplateType: Layout,
      HtmlBody: "<p>no slot</p>",
      TextBody: "{{{ @content }}}",
    });
    expect(bad.AllContentIsValid).toBe(false);
    expect(bad.HtmlBody.ContentIsValid).toBe(false);
    expect(bad.HtmlBody.ValidationErrors).toEqual([
      expect.objectContaining({ Message: expect.stringMatching(/^The layout content placeholder must be present/) }),
    ]);
    expect(bad.TextBody.ContentIsValid).toBe(true);
    // An empty body is not present: only the HTML body needs the placeholder.
    const htmlOnly = await client.validateTemplate({
      TemplateType: Layout,
      HtmlBody: "<b>{{{ @content }}}</b>",
      TextBody: "",
    });
    expect([htmlOnly.AllContentIsValid, htmlOnly.TextBody.RenderedContent]).toEqual([true, ""]);
  });

  it("renders standard templates through their layout on validate and on send", async () => {
    await client.createTemplate({
      Name: "Frame",
      Alias: "frame",
      TemplateType: Layout,
      HtmlBody: "<header>{{ brand }}</header>{{{ @content }}}<footer>f</footer>",
      TextBody: "{{ brand }}\n{{{@content}}}\n--",
    });
    const std = await client.createTemplate({
      Name: "Hello",
      Alias: "hello-framed",
      Subject: "Hi {{ name }}",
      HtmlBody: "<p>Hello {{ name }}</p>",
      TextBody: "Hello {{ name }}",
      LayoutTemplate: "frame",
    });
    expect((await client.getTemplate(std.TemplateId)).LayoutTemplate).toBe("frame");

    const v = await client.validateTemplate({
      Subject: "Hi {{ name }}",
      HtmlBody: "<p>Hello {{ name }}</p>",
      LayoutTemplate: "frame",
      TestRenderModel: { name: "Ann", brand: "Lumen" },
    });
    expect(v.HtmlBody.RenderedContent).toBe("<header>Lumen</header><p>Hello Ann</p><footer>f</footer>");
    expect(v.SuggestedTemplateModel).toMatchObject({ brand: "Lumen", name: "Ann" });

    const sent = await client.sendEmailWithTemplate({
      From: "hello@lumenapp.io",
      To: "ann@example.org",
      TemplateAlias: "hello-framed",
      TemplateModel: { name: "Ann", brand: "Lumen" },
    });
    const details = await client.getOutboundMessageDetails(sent.MessageID);
    expect(details.HtmlBody).toBe("<header>Lumen</header><p>Hello Ann</p><footer>f</footer>");
    expect(details.TextBody).toBe("Lumen\nHello Ann\n--");

    const batch = await client.sendEmailBatchWithTemplates([
      {
        From: "hello@lumenapp.io",
        To: "bo@example.org",
        TemplateId: std.TemplateId,
        TemplateModel: { name: "Bo", brand: "B" },
      },
    ]);
    expect(batch[0]!.ErrorCode).toBe(0);
    expect((await client.getOutboundMessageDetails(batch[0]!.MessageID)).HtmlBody).toBe(
      "<header>B</header><p>Hello Bo</p><footer>f</footer>",
    );

    // Editing the layout changes what the next send looks like.
    await client.editTemplate("frame", { HtmlBody: "<section>{{{ @content }}}</section>" });
    const again = await client.sendEmailWithTemplate({
      From: "hello@lumenapp.io",
      To: "ann@example.org",
      TemplateAlias: "hello-framed",
      TemplateModel: { name: "Ann" },
    });
    expect((await client.getOutboundMessageDetails(again.MessageID)).HtmlBody).toBe(
      "<section><p>Hello Ann</p></section>",
    );
  });

  it("answers the documented errors around layouts", async () => {
    await client.createTemplate({
      Name: "Used",
      Alias: "used-layout",
      TemplateType: Layout,
      HtmlBody: "{{{ @content }}}",
    });
    await client.createTemplate({
      Name: "User",
      Alias: "layout-user",
      Subject: "s",
      TextBody: "t",
      LayoutTemplate: "used-layout",
    });
    expect((await rejection(client.deleteTemplate("used-layout"))).code).toBe(1130);
    expect(
      (await rejection(client.editTemplate("used-layout", { TemplateType: Models.TemplateTypes.Standard }))).code,
    ).toBe(1123);
    expect(
      (
        await rejection(
          client.createTemplate({ Name: "x", Subject: "s", TextBody: "t", LayoutTemplate: "no-such-layout" }),
        )
      ).code,
    ).toBe(1101);
    expect(
      (
        await rejection(
          client.createTemplate({ Name: "x", Subject: "s", TextBody: "t", LayoutTemplate: "layout-user" }),
        )
      ).code,
    ).toBe(1123);
    expect((await rejection(client.editTemplate("used-layout", { LayoutTemplate: "used-layout" }))).code).toBe(1123);
    // Once nothing uses it, the layout can go.
    await client.editTemplate("layout-user", { LayoutTemplate: "" });
    expect((await client.deleteTemplate("used-layout")).ErrorCode).toBe(0);
  });

  it("pushes layouts with their templates", async () => {
    const dest = await account.createServer({ Name: "Layout push target" });
    const push = await account.pushTemplates({
      SourceServerID: sb.servers[0]!.id,
      DestinationServerID: dest.ID,
      PerformChanges: true,
    });
    // postmark.js types push actions without TemplateType, though Postmark sends it.
    const pushed = push.Templates.map((t) => [t.Alias, (t as { TemplateType?: string }).TemplateType]);
    expect(pushed).toEqual(
      expect.arrayContaining([
        ["frame", Layout],
        ["hello-framed", "Standard"],
      ]),
    );
    await account.deleteServer(dest.ID);
  });
});

describe("template push names the missing server", () => {
  it("gives 601 with Postmark's three messages", async () => {
    const mine = sb.servers[0]!.id;
    const push = (source: number, destination: number) =>
      rejection(
        account.pushTemplates({ SourceServerID: source, DestinationServerID: destination, PerformChanges: false }),
      );
    const both = await push(0, 1);
    expect([both.statusCode, both.code, both.message]).toEqual([
      422,
      601,
      "The source and destination servers were not found.",
    ]);
    expect((await push(mine, 1)).message).toBe("The destination server was not found.");
    expect((await push(1, mine)).message).toBe("The source server was not found.");
  });
});
