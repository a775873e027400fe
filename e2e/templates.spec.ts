import { expect as baseExpect, test, type Page, type TestInfo } from "@playwright/test";
import fs from "node:fs";
import { foreignZip } from "../src/web/features/templates/lib/foreign-zip.test-support";
import { readZip } from "../src/web/features/templates/lib/zip";
import { expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

// The studio's pages load CodeMirror and make several Postmark calls; on a loaded machine they need longer than the suite's default.
const expect = baseExpect.configure({ timeout: 20_000 });
test.beforeEach(() => test.setTimeout(180_000));

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/templates-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/**
 * Expected: a Postmark refusal's failed load (422), and Chromium's note that the preview frame blocked a
 * script: Playwright's frameLocator injects its helpers there, and the sandbox (no allow-scripts) refuses them.
 */
const unexpected = (errors: string[]) =>
  errors.filter(
    (e) =>
      !/Failed to load resource: the server responded with a status of 422/.test(e) &&
      !/Blocked script execution in 'about:srcdoc'/.test(e),
  );

test("lists templates and layouts; the type filter lives in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/templates");
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  const rows = page.getByTestId("template-row");
  await expect(rows.filter({ hasText: "welcome" }).first()).toBeVisible();
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("tab", { name: "Layouts" }).click();
  await expect(page).toHaveURL(/type=Layout/);
  await expect(rows.first()).toHaveAttribute("data-type", "Layout");
  await expect(rows.and(page.locator(':not([data-type="Layout"])'))).toHaveCount(0);
  await page.reload();
  await expect(rows.filter({ hasText: "basic-layout" })).toBeVisible();
  await expect(rows.and(page.locator(':not([data-type="Layout"])'))).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("edits with live validation and a sandboxed preview, creates, saves and deletes; a used layout refuses deletion", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = `e2e-${testInfo.project.name}-${Date.now() % 100000}`;
  await page.goto("/templates/new");
  await expect(page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
  await page.getByLabel("Name").fill("E2E hello");
  await page.getByLabel("Alias").fill(alias);
  await page.getByLabel("Subject").fill("Hi {{firstName}}");
  await page.getByLabel("HTML body").fill("<h1>Hello {{firstName}}</h1><p>{{#each items}}{{name}} {{/each}}</p>");
  await page.getByLabel("Text body").fill("Hello {{firstName}}");

  // The suggested model becomes the test model, and the preview renders it inside a script-less sandbox.
  await expect(page.getByLabel("Test model (JSON)")).toHaveValue(/firstName/);
  const iframe = page.getByTestId("html-preview");
  await expect(iframe).toHaveAttribute("sandbox", "");
  await expect(
    page.frameLocator('[data-testid="html-preview"]').getByRole("heading", { name: /Hello firstName_Value/ }),
  ).toBeVisible();
  await page.getByLabel("Test model (JSON)").fill('{"firstName": "Ada", "items": []}');
  await expect(
    page.frameLocator('[data-testid="html-preview"]').getByRole("heading", { name: "Hello Ada" }),
  ).toBeVisible();
  await expect(page.getByTestId("rendered-subject")).toHaveText("Hi Ada");

  // A syntax error shows per part, with where it is.
  await page.getByLabel("HTML body").fill("<p>{{#each items}}</p>");
  await expect(page.getByTestId("validation-HtmlBody")).toHaveAttribute("data-valid", "false");
  await expect(page.getByTestId("validation-HtmlBody").locator("li").first()).toBeVisible();
  await shot(page, testInfo, "editor-invalid");
  await page.getByLabel("HTML body").fill("<h1>Hello {{firstName}}</h1>");
  await expect(page.getByTestId("validation-HtmlBody")).toHaveAttribute("data-valid", "true");

  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${alias}$`));
  await expect(page.getByRole("heading", { level: 1, name: "E2E hello" })).toBeVisible();
  await page.getByLabel("Name").fill("E2E hello again");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText(`Template ${alias} saved`)).toBeVisible();
  await shot(page, testInfo, "editor");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Delete template E2E hello again?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByTestId("template-row").filter({ hasText: alias })).toHaveCount(0);

  // A layout in use cannot be deleted: the page lists who uses it and disables Delete.
  await page.goto("/templates/basic-layout");
  await expect(page.getByTestId("layout-usage")).toContainText("Used by");
  await expect(page.getByTestId("layout-user").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete" })).toBeDisabled();
  await shot(page, testInfo, "layout-in-use");
  expect(unexpected(errors)).toEqual([]);
});

// ---- Templates studio ----

const uid = (testInfo: TestInfo, what: string) => `e2e-${what}-${testInfo.project.name}-${Date.now() % 1_000_000}`;
const origin = (page: Page) => new URL(page.url()).origin;

async function api(page: Page, method: "GET" | "POST" | "PUT", path: string, data?: unknown, serverId?: number) {
  const headers: Record<string, string> = { Origin: origin(page) };
  if (serverId !== undefined) headers["X-Mailroom-Server"] = String(serverId);
  const res = await page.request.fetch(path, { method, headers, data });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

async function makeTemplate(page: Page, alias: string, over: Record<string, unknown> = {}) {
  const r = await api(page, "POST", "/api/postmark/templates", {
    Name: alias,
    Alias: alias,
    Subject: "Subject {{name}}",
    HtmlBody: "<h1>Hello {{name}}</h1>\n<p>one</p>\n<hr>\n<p>two</p>\n",
    TextBody: "Hello {{name}}\n",
    ...over,
  });
  expect(r.status).toBe(200);
  return r.body.TemplateId as number;
}

const htmlEditor = (page: Page) => page.getByLabel("HTML body");

test("marks an invalid Mustachio tag on its line, in the editor and in the list", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto("/templates/new");
  await htmlEditor(page).fill("<p>ok</p>\n<p>{{#each items}}</p>\n<p>end</p>");
  await expect(page.getByTestId("validation-HtmlBody")).toHaveAttribute("data-valid", "false");
  await expect(page.getByTestId("validation-HtmlBody").locator("li").first()).toContainText("line 2");
  if (!isPhone(testInfo)) {
    // The code editor marks the place Postmark reported, on the second line.
    const editor = page.getByTestId("code-editor-tpl-html");
    await expect(editor.locator(".cm-line").nth(1).locator(".cm-lintRange-error")).toHaveCount(1);
    await expect(editor.locator(".cm-line").nth(0).locator(".cm-lintRange-error")).toHaveCount(0);
    await expect(editor.locator(".cm-mustachio-section").first()).toHaveText("{{#each items}}");
  } else {
    // A phone gets a plain text area.
    await expect(htmlEditor(page)).toHaveJSProperty("tagName", "TEXTAREA");
  }
  await shot(page, testInfo, "invalid-line");
  await htmlEditor(page).fill("<p>ok</p>\n<p>{{#each items}}{{/each}}</p>");
  await expect(page.getByTestId("validation-HtmlBody")).toHaveAttribute("data-valid", "true");
  if (!isPhone(testInfo))
    await expect(page.getByTestId("code-editor-tpl-html").locator(".cm-lintRange-error")).toHaveCount(0);
});

test("keeps a draft through a reload and asks before leaving with unsaved changes", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = uid(testInfo, "draft");
  await page.goto("/templates");
  await makeTemplate(page, alias);
  await page.goto(`/templates/${alias}`);
  await page.getByLabel("Subject").fill("Draft subject");
  await expect(page.getByText("unsaved changes")).toBeVisible();
  page.on("dialog", (d) => void d.accept());
  await page.reload();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel("Subject")).toHaveValue("Draft subject");

  await page.getByRole("link", { name: "Templates" }).first().click();
  await expect(page.getByRole("alertdialog")).toContainText("Leave with unsaved changes?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${alias}$`));
  await page.getByRole("link", { name: "Templates" }).first().click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Discard and leave" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await page.goto(`/templates/${alias}`);
  await expect(page.getByLabel("Subject")).toHaveValue("Subject {{name}}");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});

test("a change on Postmark while editing shows base, theirs and mine; the merge saves; history diffs and restores", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = uid(testInfo, "conflict");
  await page.goto("/templates");
  const id = await makeTemplate(page, alias);
  await page.goto(`/templates/${alias}`);
  await expect(page.getByRole("heading", { level: 1, name: alias })).toBeVisible();
  await htmlEditor(page).fill("<h1>Hello {{name}}</h1>\n<p>ONE mine</p>\n<hr>\n<p>two</p>\n");
  await page.getByLabel("Subject").fill("Mine subject");

  // Someone else saves the template on Postmark meanwhile.
  expect(
    (
      await api(page, "PUT", `/api/postmark/templates/${id}`, {
        Subject: "Theirs subject",
        HtmlBody: "<h1>Hello {{name}}</h1>\n<p>one</p>\n<hr>\n<p>two theirs</p>\n",
      })
    ).status,
  ).toBe(200);

  await page.keyboard.press("Control+s");
  const dialog = page.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("merge-HtmlBody")).toHaveAttribute("data-status", "merged");
  await expect(dialog.getByTestId("merge-Subject")).toHaveAttribute("data-status", "conflict");
  await expect(dialog.getByRole("button", { name: "Save the merge" })).toBeDisabled();
  await shot(page, testInfo, "conflict");
  // Nothing was overwritten yet.
  expect((await api(page, "GET", `/api/postmark/templates/${id}`)).body.Subject).toBe("Theirs subject");
  await dialog.getByRole("radio", { name: "Keep mine" }).click();
  await dialog.getByRole("button", { name: "Save the merge" }).click();
  await expect(page.getByText(`Template ${alias} saved`)).toBeVisible();
  const merged = (await api(page, "GET", `/api/postmark/templates/${id}`)).body;
  expect(merged.Subject).toBe("Mine subject");
  expect(merged.HtmlBody).toBe("<h1>Hello {{name}}</h1>\n<p>ONE mine</p>\n<hr>\n<p>two theirs</p>\n");

  // History: what Mailroom saw on open, what it saw at the conflict, and the merge, with who.
  await page.getByRole("tab", { name: "History" }).click();
  const rows = page.getByTestId("history-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-source", "merged");
  await expect(rows.nth(0)).toContainText("admin");
  await expect(rows.nth(1)).toHaveAttribute("data-source", "seen");
  await expect(page.getByTestId("history-diff").getByTestId("diff-view").first()).toBeVisible();
  await shot(page, testInfo, "history");
  await expectNoHorizontalOverflow(page);
  await page.getByRole("button", { name: "Restore version #1" }).click();
  await expect(page.getByText(`Template ${alias} restored`)).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveAttribute("data-source", "restored");
  const restored = (await api(page, "GET", `/api/postmark/templates/${id}`)).body;
  expect(restored.Subject).toBe("Subject {{name}}");
  expect(restored.HtmlBody).toBe("<h1>Hello {{name}}</h1>\n<p>one</p>\n<hr>\n<p>two</p>\n");
  expect(unexpected(errors).filter((e) => !/status of 409/.test(e))).toEqual([]);
});

test("while the code editor loads, the body shows read-only, so no typing goes into an element about to be replaced", async ({
  page,
}, testInfo) => {
  test.skip(isPhone(testInfo), "phones keep the plain text area; there is nothing to load");
  await signIn(page);
  const alias = uid(testInfo, "loading");
  await page.goto("/templates");
  const id = await makeTemplate(page, alias);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/code-editor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/templates/${alias}`);
  await expect(page.getByRole("heading", { level: 1, name: alias })).toBeVisible();
  const loading = page.locator("textarea#tpl-html");
  await expect(loading).toHaveAttribute("readonly", "");
  await expect(loading).toHaveAttribute("aria-busy", "true");
  await expect(loading).toHaveValue(/<p>one<\/p>/);
  // A fill started now waits for an editable body instead of typing into the one being replaced.
  const filled = htmlEditor(page).fill("<p>typed while loading</p>\n");
  release();
  await filled;
  await expect(page.getByTestId("code-editor-tpl-html")).toBeVisible();
  await page.keyboard.press("Control+s");
  await expect(page.getByText(`Template ${alias} saved`)).toBeVisible();
  expect((await api(page, "GET", `/api/postmark/templates/${id}`)).body.HtmlBody).toBe("<p>typed while loading</p>\n");
});

test("sends a test through email.withTemplate and shows Postmark's answer, or its refusal", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const alias = uid(testInfo, "send");
  await page.goto("/templates");
  await makeTemplate(page, alias);
  await page.goto(`/templates/${alias}`);
  await page.getByRole("tab", { name: "Send a test" }).click();
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.locator("#test-to-error")).toBeVisible();
  await page.getByLabel("From (a confirmed sender)").fill("nobody@not-a-sender.example");
  // An address of this run's own: an earlier run's test may have bounced (and suppressed) another.
  const to = `qa-${testInfo.project.name}-${Date.now()}@example.com`;
  await page.getByLabel("Send the test to").fill(to);
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("send-test-error").getByTestId("postmark-error")).toContainText("400");
  await page.getByLabel("From (a confirmed sender)").fill("hello@lumenapp.io");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("send-test-answer")).toContainText("OK");
  await expect(page.getByTestId("send-test-answer")).toContainText(to);
  await shot(page, testInfo, "send-test");
});

test("creates a layout and a template that uses it; the preview wraps it and the layout lists it", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const layout = uid(testInfo, "layout");
  const tpl = uid(testInfo, "inlayout");
  await page.goto("/templates/new");
  await page.getByLabel("Name").fill(`Layout ${layout}`);
  await page.getByLabel("Alias").fill(layout);
  await page.locator("#tpl-type").click();
  await page.getByRole("option", { name: "Layout" }).click();
  await htmlEditor(page).fill("<html><body><header>Brand bar</header>{{{ @content }}}</body></html>");
  await page.getByLabel("Text body").fill("Brand\n{{{ @content }}}");
  await page.getByRole("button", { name: "Create layout" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${layout}$`));
  await expect(page.getByTestId("layout-usage")).toContainText("No template uses this layout");

  await page.goto("/templates/new");
  await page.getByLabel("Name").fill(`Uses ${layout}`);
  await page.getByLabel("Alias").fill(tpl);
  await page.getByLabel("Subject").fill("In a layout");
  await page.locator("#tpl-layout").click();
  await page.getByRole("option", { name: new RegExp(layout) }).click();
  await htmlEditor(page).fill("<p>Inside {{name}}</p>");
  await expect(page.frameLocator('[data-testid="html-preview"]').getByText("Brand bar")).toBeVisible();
  await expect(page.frameLocator('[data-testid="html-preview"]').getByText("Inside")).toBeVisible();
  await page.getByRole("radio", { name: "Phone" }).click();
  await expect(page.getByTestId("html-preview")).toHaveAttribute("data-width", "phone");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${tpl}$`));

  await page.goto(`/templates/${layout}`);
  await expect(page.getByRole("heading", { level: 1, name: `Layout ${layout}` })).toBeVisible();
  await expect(page.getByTestId("layout-usage")).toContainText("Used by 1 template", { timeout: 45_000 });
  await expect(page.getByTestId("layout-user")).toContainText(tpl);
  await expect(page.getByRole("button", { name: "Delete" })).toBeDisabled();
  await shot(page, testInfo, "layout");
  expect(unexpected(errors)).toEqual([]);
});

test("the template preview fetches nothing remote until asked, with the message preview's policy", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = uid(testInfo, "images");
  const pixel = `https://tracker.example/${alias}.gif`;
  await page.goto("/templates");
  await makeTemplate(page, alias, {
    HtmlBody: `<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.example/${alias}.css"></head><body><h1>Hi {{name}}</h1><img alt="pixel" width="20" height="20" src="${pixel}"></body></html>`,
  });
  await page.goto(`/templates/${alias}`);
  const frame = page.getByTestId("html-preview");
  await expect(page.frameLocator('[data-testid="html-preview"]').getByRole("heading", { name: /Hi / })).toBeVisible();
  await expect(frame).toHaveAttribute("data-images", "false");
  await expect(frame).toHaveAttribute(
    "srcdoc",
    /^<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:/,
  );
  const img = page.frameLocator('[data-testid="html-preview"]').getByRole("img", { name: "pixel" });
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete), { timeout: 15_000 }).toBe(true);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(0);
  // Neither host resolves: the browser logs a failed load only if it tried to fetch.
  const tried = () => errors.some((e) => /ERR_NAME_NOT_RESOLVED/.test(e));
  expect(tried()).toBe(false);

  await page.getByTestId("preview-images").click();
  await expect(frame).toHaveAttribute("data-images", "true");
  await expect(frame).not.toHaveAttribute("srcdoc", /Content-Security-Policy/);
  await expect.poll(tried, { timeout: 15_000 }).toBe(true);
  expect(unexpected(errors).filter((e) => !/Content Security Policy|ERR_NAME_NOT_RESOLVED/.test(e))).toEqual([]);
});

test("pushes selected templates to another sandbox server after a preview with diffs", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = uid(testInfo, "push");
  await page.goto("/templates");
  await makeTemplate(page, alias);
  // Server ids come from the Servers API, never from constants.
  const servers = (await api(page, "GET", "/api/servers")).body as unknown as {
    servers: { id: number; name: string }[];
    defaultServerId: number;
  };
  const dest = servers.servers.find((s) => s.id !== servers.defaultServerId)!;
  await page.goto("/templates/push");
  await page.getByLabel("From server").selectOption(String(servers.defaultServerId));
  await page.getByLabel("To server").selectOption(String(dest.id));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("push-summary")).toContainText("Postmark's preview");
  const row = page.locator(`[data-testid="change-row"][data-alias="${alias}"]`);
  await expect(row).toHaveAttribute("data-action", "create");
  await row.getByRole("button", { name: "Show diff" }).click();
  await expect(row.getByTestId("change-diff").getByTestId("diff-view").first()).toBeVisible();
  await shot(page, testInfo, "push-preview");
  // Only this one: clear the selection, then pick it.
  await page.getByLabel(/Select every change/).uncheck();
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Push selected (1)" }).click();
  await expect(row.getByTestId("change-result")).toHaveAttribute("data-ok", "true");
  const there = await api(page, "GET", `/api/postmark/templates/${alias}`, undefined, dest.id);
  expect(there.status).toBe(200);
  expect(there.body.Subject).toBe("Subject {{name}}");
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("push all shows Postmark's action per row, stops when the destination changed since the preview, then pushes", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const shared = uid(testInfo, "pushall");
  const fresh = uid(testInfo, "pushnew");
  await page.goto("/templates");
  const servers = (await api(page, "GET", "/api/servers")).body as unknown as {
    servers: { id: number; name: string }[];
    defaultServerId: number;
  };
  const dest = servers.servers.find((s) => s.id !== servers.defaultServerId)!;
  await makeTemplate(page, shared, { Subject: "From the source" });
  await makeTemplate(page, fresh);
  const created = await api(
    page,
    "POST",
    "/api/postmark/templates",
    { Name: shared, Alias: shared, Subject: "Old on the destination", HtmlBody: "<p>old</p>", TextBody: "old" },
    dest.id,
  );
  expect(created.status).toBe(200);

  await page.goto("/templates/push");
  await page.getByLabel("From server").selectOption(String(servers.defaultServerId));
  await page.getByLabel("To server").selectOption(String(dest.id));
  await page.getByRole("button", { name: "Preview" }).click();
  const sharedRow = page.locator(`[data-testid="change-row"][data-alias="${shared}"]`);
  const freshRow = page.locator(`[data-testid="change-row"][data-alias="${fresh}"]`);
  // Postmark's own preview (PerformChanges false) beside Mailroom's diff, per template.
  await expect(sharedRow).toHaveAttribute("data-action", "update");
  await expect(sharedRow.getByTestId("postmark-action")).toHaveText("Postmark: Edit");
  await expect(sharedRow.getByTestId("postmark-action")).toHaveAttribute("data-agrees", "true");
  await expect(freshRow.getByTestId("postmark-action")).toHaveText("Postmark: Create");
  await shot(page, testInfo, "push-all-preview");

  // Someone changes the destination after the preview: push all stops and says which, and nothing is pushed.
  const id = created.body.TemplateId as number;
  expect(
    (await api(page, "PUT", `/api/postmark/templates/${id}`, { Subject: "Changed meanwhile" }, dest.id)).status,
  ).toBe(200);
  await page.getByRole("button", { name: "Push all with Postmark" }).click();
  await expect(page.getByTestId("push-stale")).toContainText(`(${shared}) changed`);
  expect((await api(page, "GET", `/api/postmark/templates/${id}`, undefined, dest.id)).body.Subject).toBe(
    "Changed meanwhile",
  );
  expect((await api(page, "GET", `/api/postmark/templates/${fresh}`, undefined, dest.id)).status).toBe(422);
  await shot(page, testInfo, "push-all-stale");

  await page.getByTestId("push-stale").getByRole("button", { name: "Preview again" }).click();
  await expect(sharedRow).toHaveAttribute("data-action", "update");
  await page.getByRole("button", { name: "Push all with Postmark" }).click();
  await expect(sharedRow.getByTestId("change-result")).toContainText("Postmark: Edit");
  await expect(freshRow.getByTestId("change-result")).toContainText("Postmark: Create");
  expect((await api(page, "GET", `/api/postmark/templates/${id}`, undefined, dest.id)).body.Subject).toBe(
    "From the source",
  );
  expect((await api(page, "GET", `/api/postmark/templates/${fresh}`, undefined, dest.id)).status).toBe(200);
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("exports every template as files and imports them back with a preview of changes", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = uid(testInfo, "files");
  await page.goto("/templates");
  const id = await makeTemplate(page, alias);
  await page.goto("/templates/files");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all templates" }).click();
  const file = await (await download).path();
  await expect(page.getByTestId("export-done")).toBeVisible();

  // Change it after the export; the import should offer to put the exported content back.
  expect((await api(page, "PUT", `/api/postmark/templates/${id}`, { Subject: "Changed after export" })).status).toBe(
    200,
  );
  await page.getByLabel("Templates ZIP file").setInputFiles({
    name: "templates.zip",
    mimeType: "application/zip",
    buffer: fs.readFileSync(file!),
  });
  const row = page.locator(`[data-testid="change-row"][data-alias="${alias}"]`);
  await expect(row).toHaveAttribute("data-action", "update");
  await expect(page.locator('[data-testid="change-row"][data-action="unchanged"]').first()).toBeVisible();
  await row.getByRole("button", { name: "Show diff" }).click();
  await expect(row.getByTestId("change-diff")).toContainText("Changed after export");
  await shot(page, testInfo, "import-preview");
  await page.getByLabel(/Select every change/).uncheck();
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Import selected (1)" }).click();
  await expect(row.getByTestId("change-result")).toHaveAttribute("data-ok", "true");
  expect((await api(page, "GET", `/api/postmark/templates/${id}`)).body.Subject).toBe("Subject {{name}}");

  // The same folders zipped by another tool (deflated, sizes in data descriptors, as zip -r, Compress or
  // GitHub's Download ZIP make them) import the same way: the browser inflates them.
  expect((await api(page, "PUT", `/api/postmark/templates/${id}`, { Subject: "Changed again" })).status).toBe(200);
  const exported = await readZip(new Uint8Array(fs.readFileSync(file!)));
  const deflated = foreignZip(
    exported.map((e) => ({ ...e, deflate: true })),
    { descriptor: true },
  );
  await page.getByLabel("Templates ZIP file").setInputFiles({
    name: "deflated.zip",
    mimeType: "application/zip",
    buffer: Buffer.from(deflated),
  });
  await expect(row).toHaveAttribute("data-action", "update");
  await expect(page.getByTestId("import-problems")).toHaveCount(0);
  await page.getByLabel(/Select every change/).uncheck();
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Import selected (1)" }).click();
  await expect(row.getByTestId("change-result")).toHaveAttribute("data-ok", "true");
  expect((await api(page, "GET", `/api/postmark/templates/${id}`)).body.Subject).toBe("Subject {{name}}");
  expect(unexpected(errors)).toEqual([]);
});
