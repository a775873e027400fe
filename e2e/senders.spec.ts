import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/senders-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** A Postmark refusal is an expected 4xx; the browser logs the failed load itself, nothing else may. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("lists signatures with their confirmation, and the filters live in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/senders");
  await expect(page.getByRole("heading", { level: 1, name: "Senders" })).toBeVisible();
  const rows = page.getByTestId("sender-row");
  await expect(rows.filter({ hasText: "hello@lumenapp.io" })).toContainText("Confirmed");
  await expect(rows.filter({ hasText: "ops@acme-mail.dev" })).toContainText("Awaiting confirmation");
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("combobox", { name: "Confirmation" }).click();
  await page.getByRole("option", { name: "Awaiting confirmation" }).click();
  await expect(page).toHaveURL(/state=unconfirmed/);
  await expect(rows.filter({ hasText: "hello@lumenapp.io" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "ops@acme-mail.dev" })).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await page.getByLabel("Filter senders").fill("billing");
  await expect(page).toHaveURL(/q=billing/);
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page).toHaveURL(/sender=\d+/);
  await expect(page.getByTestId("sender-detail")).toContainText("Lumen Billing");
  await shot(page, testInfo, "detail");
  await expectNoHorizontalOverflow(page);

  await page.goto("/senders?page=9");
  await expect(page.getByText("Page 9 is past the end of the signatures")).toBeVisible();
  expect(errors).toEqual([]);
});

test("add, edit, resend confirmation and delete a signature; Postmark errors show as they are", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const email = `e2e-${testInfo.project.name}-${Date.now()}@lumenapp.io`;
  await page.goto("/senders");
  await expect(page.getByTestId("sender-row").first()).toBeVisible();

  await page.getByRole("button", { name: "Add signature" }).click();
  const dialog = page.getByRole("dialog");
  // Schema and limit checks happen before anything is sent.
  await dialog.getByRole("button", { name: "Add signature" }).click();
  await expect(dialog.getByText("Enter the address you send from")).toBeVisible();
  // 504: the signature exists already.
  await dialog.getByLabel("From email").fill("hello@lumenapp.io");
  await dialog.getByLabel("From name").fill("Duplicate");
  await dialog.getByRole("button", { name: "Add signature" }).click();
  await expect(dialog.getByTestId("postmark-error")).toContainText("504");
  await expect(dialog.getByTestId("postmark-error")).toContainText("This signature already exists.");
  await shot(page, testInfo, "add-error");

  await dialog.getByLabel("From email").fill(email);
  await dialog.getByLabel("From name").fill("E2E Sender");
  await dialog.getByLabel("Note in the confirmation email").fill("Please confirm, it is a test.");
  await dialog.getByRole("button", { name: "Add signature" }).click();
  await expect(dialog).toBeHidden();
  const detail = page.getByTestId("sender-detail");
  await expect(detail).toContainText(email);
  await expect(detail).toContainText("Awaiting confirmation");

  await detail.getByRole("button", { name: "Resend confirmation" }).click();
  await expect(detail.getByTestId("sender-action-error")).toHaveCount(0);

  await detail.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByLabel("From name").fill("E2E Renamed");
  await page.getByRole("dialog").getByLabel("Reply-To email").fill("replies@lumenapp.io");
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(detail.getByRole("heading", { name: "E2E Renamed" })).toBeVisible();
  await expect(detail).toContainText("replies@lumenapp.io");

  await detail.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Delete the sender signature ${email}?`);
  // Typed confirmation: the button stays disabled until the exact name is typed.
  await expect(confirm.getByRole("button", { name: `Delete ${email}` })).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(`${email}x`);
  await expect(confirm.getByRole("button", { name: `Delete ${email}` })).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(email);
  await page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/sender-${testInfo.project.name}-typed-confirm.png`,
  });
  await confirm.getByRole("button", { name: `Delete ${email}` }).click();
  await expect(page).not.toHaveURL(/sender=/);
  await expect(page.getByTestId("sender-row").first()).toBeVisible();
  await expect(page.getByTestId("sender-row").filter({ hasText: email })).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});
