import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/servers-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** A Postmark refusal is an expected 4xx; the browser logs the failed load itself, nothing else may. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("lists the account's servers with a name filter in the URL, and the current server's settings", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/servers");
  await expect(page.getByRole("heading", { level: 1, name: "Servers" })).toBeVisible();
  const rows = page.getByTestId("server-row");
  await expect(rows.filter({ hasText: "Lumen Production" })).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("server-settings").getByLabel("Name")).toHaveValue(/.+/);
  // Tokens are never on the page.
  await expect(page.getByText(/ApiTokens/)).toHaveCount(0);
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByLabel("Filter servers by name").fill("Lumen Production");
  await expect(page).toHaveURL(/name=Lumen/);
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("edits the current server's tracking and hooks; a bad hook URL shows Postmark's error", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/servers");
  const form = page.getByTestId("server-settings");
  await expect(form.getByLabel("Name")).toHaveValue(/.+/);

  await form.getByLabel("Bounce webhook URL (legacy)").fill("not a url");
  await form.getByRole("button", { name: "Review changes" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save to Postmark" }).click();
  await expect(form.getByTestId("postmark-error")).toContainText("606");

  const hook = `https://hooks.example.com/${testInfo.project.name}/bounce`;
  const before = await form.getByLabel("Track opens").getAttribute("data-state");
  await form.getByLabel("Bounce webhook URL (legacy)").fill(hook);
  await form.getByLabel("Track opens").click();
  const raw = await form.getByLabel("Raw email in inbound webhooks").getAttribute("data-state");
  await form.getByLabel("Raw email in inbound webhooks").click();
  await form.getByRole("button", { name: "Review changes" }).click();
  // The diff names exactly what will change before anything is sent.
  const diff = page.getByTestId("server-settings-diff");
  await expect(diff.getByTestId("server-settings-change")).toHaveCount(3);
  await expect(diff).toContainText("Raw email in inbound webhooks");
  await expect(diff).toContainText(hook);
  await shot(page, testInfo, "diff");
  const saved = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith("/api/postmark/server"));
  await page.getByRole("dialog").getByRole("button", { name: "Save to Postmark" }).click();
  const response = await saved;
  expect(response.status()).toBe(200);
  expect(Object.keys(JSON.parse(response.request().postData() ?? "{}") as object).sort()).toEqual([
    "BounceHookUrl",
    "RawEmailEnabled",
    "TrackOpens",
  ]);
  await expect(form.getByTestId("server-save-error")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("server-settings").getByLabel("Bounce webhook URL (legacy)")).toHaveValue(hook, {
    timeout: 15_000,
  });
  await expect(page.getByTestId("server-settings").getByLabel("Track opens")).not.toHaveAttribute(
    "data-state",
    before ?? "",
  );
  await expect(page.getByTestId("server-settings").getByLabel("Raw email in inbound webhooks")).not.toHaveAttribute(
    "data-state",
    raw ?? "",
  );
  await shot(page, testInfo, "settings");
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("a hook URL's password is masked, and saving other fields never sends the mask", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto("/servers");
  const form = page.getByTestId("server-settings");
  const secretHook = `https://hook:pw-${testInfo.project.name}-s3cret@in.example.com/inbound`;
  await form.getByLabel("Inbound webhook URL").fill(secretHook);
  await form.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("server-settings-diff")).not.toContainText("s3cret");
  const saved = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith("/api/postmark/server"));
  await page.getByRole("dialog").getByRole("button", { name: "Save to Postmark" }).click();
  expect((await saved).status()).toBe(200);
  await page.reload();
  const field = page.getByTestId("server-settings").getByLabel("Inbound webhook URL");
  // The proxy masks the whole userinfo of a URL in answers to the browser.
  await expect(field).toHaveValue(/^https:\/\/•+@in\.example\.com\/inbound$/, { timeout: 15_000 });
  await expect(page.getByText(/s3cret/)).toHaveCount(0);
  // Changing something else sends only that field, never the masked URL.
  await page.getByTestId("server-settings").getByLabel("Bounce content in bounce webhooks").click();
  await page.getByTestId("server-settings").getByRole("button", { name: "Review changes" }).click();
  const again = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith("/api/postmark/server"));
  await page.getByRole("dialog").getByRole("button", { name: "Save to Postmark" }).click();
  expect(Object.keys(JSON.parse((await again).request().postData() ?? "{}") as object)).toEqual([
    "IncludeBounceContentInHook",
  ]);
});

test("creates a server: it appears in the switcher at once, in this tab and another open tab; deletes it after typing its name", async ({
  page,
}, testInfo) => {
  test.slow(); // two tabs, each a cold load of the app, on a shared machine
  await signIn(page);
  const errors = watchConsole(page);
  const name = `E2E ${testInfo.project.name} ${Date.now()}`;
  // A second tab of the same user, already open before the server exists.
  const other = await page.context().newPage();
  await other.goto("/servers");
  const otherSwitcher = other.getByRole("combobox", { name: "Postmark server" });
  // A cold load of the whole app in a new tab: allow for a busy machine.
  await expect(otherSwitcher).toBeVisible({ timeout: 30_000 });
  await page.goto("/servers");
  await page.getByRole("button", { name: "Create server" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create server" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("server-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await page.getByRole("combobox", { name: "Postmark server" }).click();
  await expect(page.getByRole("option", { name })).toBeVisible();
  await page.keyboard.press("Escape");
  await otherSwitcher.click();
  await expect(other.getByRole("option", { name })).toBeVisible();
  await other.keyboard.press("Escape");

  await row.getByRole("button", { name: `Delete server ${name}` }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText(`Delete the server ${name}?`);
  await expect(confirm.getByRole("button", { name: `Delete ${name}` })).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(name);
  await confirm.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
  await otherSwitcher.click();
  await expect(other.getByRole("option", { name })).toHaveCount(0);
  await other.close();
  expect(unexpected(errors)).toEqual([]);
});

test("renames a server in the Operations explorer: another open tab's switcher shows the new name; deleting it there asks for its typed name", async ({
  page,
}, testInfo) => {
  test.slow(); // two tabs and several Postmark calls against the sandbox on a shared machine
  await signIn(page);
  const errors = watchConsole(page);
  const stamp = `${testInfo.project.name} ${Date.now()}`;
  const name = `E2E before ${stamp}`;
  const renamed = `E2E after ${stamp}`;
  const created = await page.request.post("/api/postmark/servers", {
    headers: { Origin: new URL(page.url()).origin },
    data: { Name: name },
  });
  expect(created.status(), await created.text()).toBe(200);
  const id = ((await created.json()) as { ID: number }).ID;

  // A second tab of the same user, open before the rename.
  const other = await page.context().newPage();
  await other.goto("/servers");
  const otherSwitcher = other.getByRole("combobox", { name: "Postmark server" });
  await expect(otherSwitcher).toBeVisible({ timeout: 30_000 });
  await otherSwitcher.click();
  await expect(other.getByRole("option", { name })).toBeVisible();
  await other.keyboard.press("Escape");

  await page.goto("/operations/servers/update");
  await page.locator("#params-serverid").fill(String(id));
  await page.locator("#body-Name").fill(renamed);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByTestId("response-status")).toContainText("200");
  await page.getByRole("combobox", { name: "Postmark server" }).click();
  await expect(page.getByRole("option", { name: renamed })).toBeVisible();
  await page.keyboard.press("Escape");
  await otherSwitcher.click();
  await expect(other.getByRole("option", { name: renamed })).toBeVisible();
  await expect(other.getByRole("option", { name })).toHaveCount(0);
  await other.keyboard.press("Escape");

  // Deleting from the explorer asks for the server's name, read from Postmark, as the Servers page does.
  await page.goto("/operations/servers/delete");
  await page.locator("#params-serverid").fill(String(id));
  await page.getByRole("button", { name: "Run" }).click();
  const confirm = page.getByRole("alertdialog");
  const typed = confirm.getByLabel(`Type ${renamed} to confirm`);
  await expect(typed).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Delete" })).toBeDisabled();
  await typed.fill(name);
  await expect(confirm.getByRole("button", { name: "Delete" })).toBeDisabled();
  await typed.fill(renamed);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("response-status")).toContainText("200");
  await otherSwitcher.click();
  await expect(other.getByRole("option", { name: renamed })).toHaveCount(0);
  await other.close();
  expect(unexpected(errors)).toEqual([]);
});
