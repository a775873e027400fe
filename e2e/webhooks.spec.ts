import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, openNav, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/webhooks-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/**
 * The server treats the path /webhooks as its webhook intake (src/server/http/static.ts isApiPath), so a
 * direct load of /webhooks answers 404 JSON; the page is reached through the sidebar instead.
 */
async function openWebhooks(page: Page, testInfo: TestInfo) {
  await page.goto("/streams");
  await openNav(page, testInfo);
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
}

async function chooseStream(page: Page, id: string) {
  await page.getByRole("combobox", { name: "Stream" }).click();
  await page.getByRole("option", { name: new RegExp(`\\(${id}\\)`) }).click();
  await expect(page).toHaveURL(new RegExp(`stream=${id}`));
}

const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("lists webhooks per stream, with the stream in the URL and a note about Settings", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await openWebhooks(page, testInfo);
  const rows = page.getByTestId("webhook-row");
  await expect(rows.filter({ hasText: "https://hooks.example.com/postmark/events" }).first()).toBeVisible();
  await expect(rows.first().getByTestId("webhook-trigger").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings → Webhooks" })).toHaveAttribute("href", "/settings");
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await chooseStream(page, "broadcast");
  // Only broadcast's webhooks remain (Mailroom wired itself there at start).
  await expect(rows.first()).toHaveAttribute("data-stream", "broadcast");
  await expect(rows.and(page.locator(':not([data-stream="broadcast"])'))).toHaveCount(0);
  await expect(rows.filter({ hasText: "This Mailroom" }).first()).toBeVisible();
  await chooseStream(page, "outbound");
  await expect(rows.filter({ hasText: "https://hooks.example.com/postmark/events" }).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("creates, edits and deletes a webhook; Postmark refuses bounce hooks on broadcasts", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const url = `https://e2e.example.com/${testInfo.project.name}/${Date.now()}`;
  await openWebhooks(page, testInfo);
  await chooseStream(page, "broadcast");

  await page.getByRole("button", { name: "Create webhook" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("URL").fill(url);
  // Bounce is on by default: broadcasts refuse it (1353).
  await expect(dialog.getByRole("switch", { name: "Bounce", exact: true })).toBeChecked();
  await dialog.getByRole("button", { name: "Create webhook" }).click();
  await expect(dialog.getByTestId("postmark-error")).toContainText("1353");
  await expect(dialog.getByTestId("postmark-error")).toContainText("not supported");
  await shot(page, testInfo, "create-error");

  await dialog.getByRole("switch", { name: "Bounce", exact: true }).click();
  await dialog.getByRole("switch", { name: "Open", exact: true }).click();
  await dialog.getByLabel("Username").fill("hook");
  await dialog.getByLabel("Password").fill("secret-pass");
  await dialog.getByRole("button", { name: "Add header" }).click();
  await dialog.getByLabel("Header 1 name").fill("X-E2E");
  await dialog.getByLabel("Header 1 value").fill("yes");
  await dialog.getByRole("button", { name: "Create webhook" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("webhook-row").filter({ hasText: url });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Basic auth as hook");
  await expect(row.getByTestId("webhook-trigger")).toHaveText(["Open", "Delivery"]);

  await row.getByRole("button", { name: /Edit webhook/ }).click();
  await dialog.getByRole("switch", { name: "Click", exact: true }).click();
  await dialog.getByRole("button", { name: "Save webhook" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("webhook-trigger")).toHaveText(["Open", "Click", "Delivery"]);

  await row.getByRole("button", { name: /Delete webhook/ }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(url);
  await confirm.getByRole("button", { name: "Delete webhook" }).click();
  await expect(row).toHaveCount(0);
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});
