import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudioState, VersionFull, VersionsResponse } from "../../contract/api/template-studio";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { createHarness, type Harness } from "../test-support/harness";
import { templateHistoryTask } from "./history-check";
import { createTemplateStudio } from "./studio";

let sb: RunningSandbox;
let h: Harness;
let admin: string;
let viewer: string;
let serverId: number;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, eventsPerMinute: 0, historyMessages: 0 });
  h = await createHarness({ sandbox: { url: sb.url, accountToken: sb.accountToken } });
  admin = await h.login();
  viewer = await h.addUser("vera", "viewer");
  // Server ids come from the Servers API, never from a constant.
  const servers = (await (await h.request("/api/servers", { cookie: admin })).json()) as { servers: { id: number }[] };
  serverId = servers.servers[0]!.id;
  token = sb.servers.find((s) => s.id === serverId)!.apiToken;
});
afterAll(async () => {
  await h.cleanup();
  await sb.close();
});

const post = (path: string, cookie: string, json: unknown) =>
  h.request(`/api/template-studio${path}`, { method: "POST", cookie, body: JSON.stringify(json) });
const content = (t: StudioState["template"]) => ({
  Name: t.Name,
  Alias: t.Alias,
  Subject: t.Subject,
  HtmlBody: t.HtmlBody,
  TextBody: t.TextBody,
  LayoutTemplate: t.LayoutTemplate,
});

/** Someone else changes the template straight on Postmark (the sandbox), past Mailroom. */
async function changeElsewhere(id: number, body: Record<string, unknown>) {
  const res = await fetch(`${sb.url}/templates/${id}`, {
    method: "PUT",
    headers: { "X-Postmark-Server-Token": token, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe("template studio API", () => {
  it("files a version on open only when the content is new", async () => {
    const first = await post("/observe", admin, { serverId, templateIdOrAlias: "welcome" });
    expect(first.status).toBe(200);
    const a = (await first.json()) as StudioState;
    expect(a.template).toMatchObject({ Alias: "welcome", AssociatedServerId: serverId, TemplateType: "Standard" });
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    const b = (await (await post("/observe", admin, { serverId, templateIdOrAlias: "welcome" })).json()) as StudioState;
    expect(b.versionId).toBe(a.versionId);
    expect(b.changed).toBe(false);
  });

  it("saves through the conflict check, refuses a stale base with theirs, and keeps who and when", async () => {
    const opened = (await (
      await post("/observe", admin, { serverId, templateIdOrAlias: "welcome" })
    ).json()) as StudioState;
    const id = opened.template.TemplateId;
    const saved = await post("/save", admin, {
      serverId,
      templateId: id,
      baseHash: opened.hash,
      content: { ...content(opened.template), Subject: "Mine 1" },
    });
    expect(saved.status).toBe(200);
    const mine = (await saved.json()) as StudioState;
    expect(mine.template.Subject).toBe("Mine 1");
    expect(mine.changed).toBe(true);

    await changeElsewhere(id, { Subject: "Theirs" });
    const stale = await post("/save", admin, {
      serverId,
      templateId: id,
      baseHash: mine.hash,
      content: { ...content(mine.template), Subject: "Mine 2" },
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { code: string; details: { theirs: StudioState } } };
    expect(conflict.error.code).toBe("conflict");
    expect(conflict.error.details.theirs.template.Subject).toBe("Theirs");
    // Nothing was overwritten.
    const still = (await (
      await post("/observe", admin, { serverId, templateIdOrAlias: String(id) })
    ).json()) as StudioState;
    expect(still.template.Subject).toBe("Theirs");

    // After choosing, the save names theirs as its base and goes through.
    const merged = await post("/save", admin, {
      serverId,
      templateId: id,
      baseHash: conflict.error.details.theirs.hash,
      content: { ...content(mine.template), Subject: "Merged" },
      source: "merged",
    });
    expect(merged.status).toBe(200);

    const list = (await (
      await h.request(`/api/template-studio/versions?serverId=${serverId}&templateId=${id}`, { cookie: admin })
    ).json()) as VersionsResponse;
    expect(list.versions.map((v) => [v.source, v.actor])).toEqual([
      ["merged", "admin"],
      ["seen", "admin"],
      ["saved", "admin"],
      ["seen", "admin"],
    ]);
    expect(list.versions[0]!.at).toBe(new Date(h.clock()).toISOString());
    const old = (await (
      await h.request(`/api/template-studio/versions/${list.versions[2]!.id}`, { cookie: viewer })
    ).json()) as VersionFull;
    expect(old.template.Subject).toBe("Mine 1");
  });

  it("passes Postmark's refusal through with its ErrorCode and Message, and files nothing", async () => {
    const opened = (await (
      await post("/observe", admin, { serverId, templateIdOrAlias: "welcome" })
    ).json()) as StudioState;
    const res = await post("/save", admin, {
      serverId,
      templateId: opened.template.TemplateId,
      baseHash: opened.hash,
      content: { ...content(opened.template), LayoutTemplate: "no-such-layout" },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ErrorCode: expect.any(Number), Message: expect.any(String) });
    const missing = await post("/observe", admin, { serverId, templateIdOrAlias: "no-such-template" });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ ErrorCode: 1101 });
  });

  it("creates a template and files its first version", async () => {
    const res = await post("/create", admin, {
      serverId,
      TemplateType: "Standard",
      content: {
        Name: "Studio new",
        Alias: "studio-new",
        Subject: "Hi",
        HtmlBody: "<p>Hi {{name}}</p>",
        TextBody: "Hi",
        LayoutTemplate: null,
      },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as StudioState;
    expect(created.template).toMatchObject({ Alias: "studio-new", Name: "Studio new" });
    const list = (await (
      await h.request(`/api/template-studio/versions?serverId=${serverId}&templateId=${created.template.TemplateId}`, {
        cookie: admin,
      })
    ).json()) as VersionsResponse;
    expect(list.versions.map((v) => v.source)).toEqual(["created"]);
  });

  it("validates input, needs a session, and checks the role on the way to Postmark", async () => {
    const bad = await post("/save", admin, {
      serverId,
      templateId: 1,
      baseHash: "x",
      content: { Name: "", Alias: "9bad" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed" } });
    expect((await post("/observe", "", { serverId, templateIdOrAlias: "welcome" })).status).toBe(401);
    const opened = (await (
      await post("/observe", viewer, { serverId, templateIdOrAlias: "welcome" })
    ).json()) as StudioState;
    const denied = await post("/save", viewer, {
      serverId,
      templateId: opened.template.TemplateId,
      baseHash: opened.hash,
      content: content(opened.template),
    });
    expect(denied.status).toBe(403);
    expect((await h.request("/api/template-studio/versions/999999", { cookie: admin })).status).toBe(404);
    expect((await h.request("/api/template-studio/versions?serverId=x", { cookie: admin })).status).toBe(400);
  });
});

describe("periodic template check", () => {
  it("files changes made elsewhere to templates Mailroom has history of, once, as the checker, and skips deleted ones", async () => {
    const task = templateHistoryTask({
      studio: createTemplateStudio(h.services, h.clock),
      logger: h.services.logger,
      everyMs: 60_000,
    });
    // A template Mailroom has seen, then changed on Postmark while nobody has the editor open.
    const opened = (await (
      await post("/observe", admin, { serverId, templateIdOrAlias: "welcome" })
    ).json()) as StudioState;
    const id = opened.template.TemplateId;
    await task.run(); // whatever earlier tests left is filed first
    await changeElsewhere(id, { Subject: "Changed in Postmark's web app" });
    expect(await task.run()).toMatch(/^template check: 1 changed elsewhere and filed, 0 gone/);
    const versions = async () =>
      (
        (await (
          await h.request(`/api/template-studio/versions?serverId=${serverId}&templateId=${id}`, { cookie: admin })
        ).json()) as VersionsResponse
      ).versions;
    const [latest] = await versions();
    expect(latest).toMatchObject({ source: "seen", actor: "mailroom (periodic check)" });
    const full = (await (
      await h.request(`/api/template-studio/versions/${latest!.id}`, { cookie: admin })
    ).json()) as VersionFull;
    expect(full.template.Subject).toBe("Changed in Postmark's web app");
    // Nothing new: nothing filed, nothing logged.
    const count = (await versions()).length;
    expect(await task.run()).toBeUndefined();
    expect(await versions()).toHaveLength(count);

    // A template deleted on Postmark keeps its history and is counted as gone, not as a failure.
    const made = (await (
      await post("/create", admin, {
        serverId,
        TemplateType: "Standard",
        content: {
          Name: "Short-lived",
          Alias: null,
          Subject: "Hi",
          HtmlBody: "<p>Hi</p>",
          TextBody: "Hi",
          LayoutTemplate: null,
        },
      })
    ).json()) as StudioState;
    const del = await fetch(`${sb.url}/templates/${made.template.TemplateId}`, {
      method: "DELETE",
      headers: { "X-Postmark-Server-Token": token, Accept: "application/json" },
    });
    expect(del.status).toBe(200);
    expect(await task.run()).toMatch(/0 changed elsewhere and filed, 1 gone from Postmark, 0 failed$/);
  });
});
