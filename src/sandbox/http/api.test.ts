import { afterAll, describe, expect, it } from "vitest";
import { operationList } from "../../contract/postmark";
import { handlers } from "../handlers";
import { call, testSandbox } from "../test-helpers";

const sb = testSandbox();
const server = sb.serverToken(0);
const account = "sandbox-account-token";
afterAll(() => sb.close());

describe("route table and tokens", () => {
  it("has a handler for every catalog operation", () => {
    expect(Object.keys(handlers).sort()).toEqual(operationList.map((o) => o.id).sort());
  });

  it("answers 401 ErrorCode 10 for missing, unknown and wrong-kind tokens", async () => {
    for (const r of [
      await call(sb, "GET", "/server"),
      await call(sb, "GET", "/server", { server: "nope" }),
      await call(sb, "GET", "/server", { account }),
      await call(sb, "GET", "/servers?count=1&offset=0", { account: server }),
      await call(sb, "GET", "/servers?count=1&offset=0", { server }),
      await call(sb, "GET", "/server", { server: "POSTMARK_API_TEST" }),
    ]) {
      expect(r.status).toBe(401);
      expect(r.body.ErrorCode).toBe(10);
    }
  });

  it("lists each server's token in ApiTokens and a token acts on its own server", async () => {
    const list = await call(sb, "GET", "/servers?count=10&offset=0", { account });
    expect(list.body.TotalCount).toBe(3);
    for (const s of list.body.Servers) {
      const me = await call(sb, "GET", "/server", { server: s.ApiTokens[0] });
      expect(me.body.ID).toBe(s.ID);
    }
  });

  it("matches paths and query names case-insensitively, with trailing slashes", async () => {
    expect((await call(sb, "GET", "/deliveryStats", { server })).status).toBe(200);
    expect((await call(sb, "GET", "/templates/?Count=5&Offset=0", { server })).status).toBe(200);
    const s = await call(sb, "GET", "/stats/outbound/opens/emailClients?messageStream=outbound", { server });
    expect(s.status).toBe(200);
  });

  it("answers 404 JSON for unknown routes", async () => {
    const r = await call(sb, "GET", "/nothing/here", { server });
    expect(r.status).toBe(404);
    expect(r.body.Message).toBeTypeOf("string");
  });

  it("accepts POSTMARK_API_TEST for sends and stores nothing", async () => {
    const before = sb.world.servers.values().next().value!.messages.length;
    const r = await call(sb, "POST", "/email", {
      server: "POSTMARK_API_TEST",
      body: { From: "a@lumenapp.io", To: "b@example.com", Subject: "x", TextBody: "y" },
    });
    expect(r.status).toBe(200);
    expect(r.body.Message).toBe("Test job accepted");
    expect(sb.world.servers.values().next().value!.messages.length).toBe(before);
  });
});

describe("paging limits", () => {
  const cases: [string, number, "server" | "account"][] = [
    ["/bounces", 1000, "server"],
    ["/messages/outbound", 700, "server"],
    ["/messages/outbound/opens", 700, "server"],
    ["/messages/outbound/clicks", 700, "server"],
    ["/messages/inbound", 700, "server"],
    ["/servers", 600, "account"],
    ["/domains", 500, "account"],
    ["/senders", 500, "account"],
    ["/triggers/inboundrules", 800, "server"],
    ["/templates", 1100, "server"],
  ];
  it.each(cases)("%s enforces count/offset with ErrorCode %i", async (path, code, kind) => {
    const auth = kind === "server" ? { server } : { account };
    for (const q of ["count=501&offset=0", "count=10", "offset=0", "count=0&offset=0", "count=10&offset=-1"]) {
      const r = await call(sb, "GET", `${path}?${q}`, auth);
      expect(r.status, `${path}?${q}`).toBe(422);
      expect(r.body.ErrorCode).toBe(code);
    }
    expect((await call(sb, "GET", `${path}?count=500&offset=0`, auth)).status).toBe(200);
  });
  it("caps count+offset at 10,000 for bounces, messages, opens and clicks", async () => {
    for (const [path, code] of [
      ["/bounces", 1000],
      ["/messages/outbound", 700],
      ["/messages/outbound/opens", 700],
      ["/messages/outbound/clicks", 700],
    ] as const) {
      const r = await call(sb, "GET", `${path}?count=500&offset=9600`, { server });
      expect(r.body.ErrorCode).toBe(code);
      expect((await call(sb, "GET", `${path}?count=500&offset=9500`, { server })).status).toBe(200);
    }
  });
});

describe("errors as Postmark gives them", () => {
  const send = (body: unknown, path = "/email") => call(sb, "POST", path, { server, body });

  it("invalid JSON is 422 / 402", async () => {
    const r = await call(sb, "POST", "/email", { server, raw: "{nope" });
    expect([r.status, r.body.ErrorCode]).toEqual([422, 402]);
  });

  it("validates recipients, bodies and limits with 300", async () => {
    const to = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`).join(",");
    for (const body of [
      { From: "a@lumenapp.io", To: to, TextBody: "x" },
      { From: "a@lumenapp.io", To: "b@example.com" },
      { From: "", To: "b@example.com", TextBody: "x" },
      { From: "a@lumenapp.io", To: "bad", TextBody: "x" },
      {
        From: "a@lumenapp.io",
        To: "b@example.com",
        TextBody: "x",
        Metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])),
      },
    ]) {
      const r = await send(body);
      expect(r.status).toBe(422);
      expect(r.body.ErrorCode).toBe(300);
    }
    expect(
      (
        await send({
          From: "a@lumenapp.io",
          To: "b@example.com",
          TextBody: "x",
          Attachments: [{ Name: "a.exe", Content: "AA==", ContentType: "application/octet-stream" }],
        })
      ).body.ErrorCode,
    ).toBe(411);
  });

  it("rejects inactive recipients with 406 and the exact text, per item in batches", async () => {
    await call(sb, "POST", "/message-streams/outbound/suppressions", {
      server,
      body: { Suppressions: [{ EmailAddress: "gone@example.com" }] },
    });
    const r = await send({ From: "a@lumenapp.io", To: "gone@example.com", TextBody: "x" });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      ErrorCode: 406,
      Message:
        "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: gone@example.com. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.",
    });
    const batch = await call(sb, "POST", "/email/batch", {
      server,
      body: [
        { From: "a@lumenapp.io", To: "ok@example.com", TextBody: "x" },
        { From: "a@lumenapp.io", To: "gone@example.com", TextBody: "x" },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body[0].ErrorCode).toBe(0);
    expect(batch.body[1].ErrorCode).toBe(406);
    expect(batch.body[1].Message).toMatch(/Found inactive addresses: gone@example.com\. Inactive/);
  });

  it("limits batches to 500 (410)", async () => {
    const items = Array.from({ length: 501 }, () => ({ From: "a@lumenapp.io", To: "b@example.com", TextBody: "x" }));
    expect((await call(sb, "POST", "/email/batch", { server, body: items })).body.ErrorCode).toBe(410);
  });

  it("reports unknown streams and templates", async () => {
    expect(
      (await send({ From: "a@lumenapp.io", To: "b@example.com", TextBody: "x", MessageStream: "nope" })).body.ErrorCode,
    ).toBe(1235);
    expect(
      (await send({ From: "a@lumenapp.io", To: "b@example.com", TextBody: "x", MessageStream: "inbound" })).body
        .ErrorCode,
    ).toBe(1236);
    expect((await call(sb, "GET", "/message-streams/nope", { server })).body.ErrorCode).toBe(1226);
    expect((await call(sb, "GET", "/stats/outbound?messagestream=nope", { server })).body.ErrorCode).toBe(1226);
    const t = await send(
      { From: "a@lumenapp.io", To: "b@example.com", TemplateId: 999999, TemplateModel: {} },
      "/email/withTemplate",
    );
    expect(t.body).toEqual({
      ErrorCode: 1101,
      Message: "The 'TemplateId' associated with this request is not valid or was not found.",
    });
    expect((await call(sb, "GET", "/templates/999999", { server })).body.ErrorCode).toBe(1101);
  });

  it("enforces template, stream and layout rules", async () => {
    const s2 = sb.serverToken(1);
    const inUse = await call(sb, "DELETE", "/templates/basic-layout", { server: s2 });
    expect(inUse.body.ErrorCode).toBe(1130);
    const badLayout = await call(sb, "POST", "/templates", {
      server: s2,
      body: { Name: "L", TemplateType: "Layout", HtmlBody: "<p>no placeholder</p>" },
    });
    expect(badLayout.body.ErrorCode).toBe(1131);
    let last = { status: 200, body: {} as { ErrorCode?: number } };
    for (let i = 0; i < 100 && last.status === 200; i++)
      last = await call(sb, "POST", "/templates", { server: s2, body: { Name: `T${i}`, Subject: "s", TextBody: "t" } });
    expect(last.body.ErrorCode).toBe(1105);
    for (let i = 0; i < 8 && last.status === 200; i++)
      last = await call(sb, "POST", "/message-streams", {
        server: s2,
        body: { ID: `s${i}`, Name: `S${i}`, MessageStreamType: "Transactional" },
      });
    const results = [];
    for (let i = 0; i < 8; i++)
      results.push(
        (
          await call(sb, "POST", "/message-streams", {
            server: s2,
            body: { ID: `x${i}`, Name: `X${i}`, MessageStreamType: "Transactional" },
          })
        ).body.ErrorCode,
      );
    expect(results).toContain(1225);
    expect(
      (
        await call(sb, "POST", "/message-streams", {
          server: s2,
          body: { ID: "outbound", Name: "dup", MessageStreamType: "Transactional" },
        })
      ).body.ErrorCode,
    ).toBe(1230);
    expect((await call(sb, "POST", "/servers", { account, body: { Name: "Lumen Production" } })).body.ErrorCode).toBe(
      603,
    );
    expect((await call(sb, "POST", "/domains", { account, body: { Name: "lumenapp.io" } })).body.ErrorCode).toBe(512);
  });

  it("returns per-item suppression results and refuses to lift spam complaints", async () => {
    const store = [...sb.world.servers.values()][0]!;
    store.suppressionList("outbound").set("spam@example.com", {
      email: "spam@example.com",
      reason: "SpamComplaint",
      origin: "Recipient",
      createdAt: Date.now(),
    });
    const r = await call(sb, "POST", "/message-streams/outbound/suppressions/delete", {
      server,
      body: {
        Suppressions: [
          { EmailAddress: "spam@example.com" },
          { EmailAddress: "never@example.com" },
          { EmailAddress: "bad" },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.Suppressions.map((s: { Status: string }) => s.Status)).toEqual(["Failed", "Deleted", "Failed"]);
  });

  it("refuses bounce and spam hooks on broadcast streams and any webhook on inbound streams", async () => {
    const url = "https://hooks.example.net/pm";
    const bounce = await call(sb, "POST", "/webhooks", {
      server,
      body: { Url: url, MessageStream: "broadcast", Triggers: { Bounce: { Enabled: true } } },
    });
    expect([bounce.status, bounce.body.ErrorCode]).toEqual([422, 1353]);
    const inbound = await call(sb, "POST", "/webhooks", {
      server,
      body: { Url: url, MessageStream: "inbound", Triggers: { Open: { Enabled: true } } },
    });
    expect(inbound.body.ErrorCode).toBe(1351);
    const ok = await call(sb, "POST", "/webhooks", {
      server,
      body: { Url: url, MessageStream: "broadcast", Triggers: { Open: { Enabled: true }, Click: { Enabled: true } } },
    });
    expect(ok.status).toBe(200);
    const refused = await call(sb, "PUT", `/webhooks/${ok.body.ID}`, {
      server,
      body: { Url: "https://elsewhere.example.net/x", Triggers: { SpamComplaint: { Enabled: true } } },
    });
    expect(refused.body.ErrorCode).toBe(1353);
    const after = await call(sb, "GET", `/webhooks/${ok.body.ID}`, { server });
    expect([after.body.Url, after.body.Triggers.SpamComplaint.Enabled]).toEqual([url, false]);
  });

  it("404s an unknown bulk id with ErrorCode 12", async () => {
    const r = await call(sb, "GET", "/email/bulk/00000000-0000-0000-0000-000000000000", { server });
    expect([r.status, r.body.ErrorCode]).toEqual([404, 12]);
  });
});

describe("a deterministic world", () => {
  it("allocates server ids like Postmark: large, spread out, seeded", async () => {
    const ids = [...sb.world.servers.keys()];
    expect(ids.every((id) => id > 10_000_000)).toBe(true);
    expect(ids[1]! - ids[0]!).toBeGreaterThan(1);
    const same = testSandbox();
    const another = testSandbox({ seed: "another" });
    try {
      expect([...same.world.servers.keys()]).toEqual(ids);
      expect([...another.world.servers.keys()]).not.toEqual(ids);
    } finally {
      same.close();
      another.close();
    }
    for (const small of [1, 2, 3])
      expect((await call(sb, "GET", `/servers/${small}`, { account })).body.ErrorCode).toBe(601);
    const created = await call(sb, "POST", "/servers", { account, body: { Name: "Fresh ids" } });
    expect(created.body.ID).toBeGreaterThan(Math.max(...ids));
  });

  it("gives the same tokens and history for the same seed", () => {
    const other = testSandbox();
    try {
      const a = [...sb.world.servers.values()][2]!;
      const b = [...other.world.servers.values()][2]!;
      expect(b.config.ApiTokens).toEqual(a.config.ApiTokens);
      expect(b.messages.slice(0, 50).map((m) => [m.id, m.subject, m.recipients])).toEqual(
        a.messages.slice(0, 50).map((m) => [m.id, m.subject, m.recipients]),
      );
    } finally {
      other.close();
    }
  });
});
