import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/suppressions-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("lists a stream's suppressions; stream and reason filters live in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/suppressions");
  await expect(page.getByRole("heading", { level: 1, name: "Suppressions" })).toBeVisible();
  await expect(page.getByTestId("suppression-row").first()).toBeVisible();
  await shot(page, testInfo, "list");

  await page.getByRole("combobox", { name: "Stream" }).click();
  await page.getByRole("option", { name: /\(broadcast,/ }).click();
  await expect(page).toHaveURL(/stream=broadcast/);
  await page.getByRole("combobox", { name: "Origin" }).click();
  await page.getByRole("option", { name: "Recipient" }).click();
  await expect(page).toHaveURL(/origin=Recipient/);
  await expect(page.getByTestId("suppression-row").first()).toBeVisible();
  const origins = await page.getByTestId("suppression-row").count();
  expect(origins).toBeGreaterThan(0);
  await page.getByRole("combobox", { name: "Origin" }).click();
  await page.getByRole("option", { name: "Admin" }).click();
  await expect(page).toHaveURL(/origin=Admin/);
  await expect(page.getByText("No suppressions match these filters")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("adds addresses with per-item results, refuses bad input, and removes after a confirm", async ({
  page,
}, testInfo) => {
  // Five round trips to Postmark and a full-page screenshot: more than the default on a busy machine.
  test.setTimeout(60_000);
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/suppressions?stream=outbound");
  await expect(page.getByTestId("suppression-row").first()).toBeVisible({ timeout: 15_000 });

  const box = page.getByLabel(/Addresses to suppress on outbound/);
  // Only bad input is refused outright; a mix sends the valid ones and reports each address.
  await box.fill("not-an-address");
  await page.getByRole("button", { name: "Suppress" }).click();
  await expect(page.getByText("Not an email address: not-an-address.")).toBeVisible();
  const stamp = Date.now();
  await box.fill(`e2e-one-${stamp}@example.com, not-an-address`);
  await page.getByRole("button", { name: "Suppress" }).click();
  const mixed = page.getByRole("form", { name: "Add suppressions" }).getByTestId("suppressions-results");
  await expect(mixed).toContainText("Added: 1 of 2 done, 1 failed");
  await expect(mixed.locator('li[data-status="Failed"]')).toContainText("not-an-address");

  const a = `e2e-a-${stamp}@example.com`;
  const b = `e2e-b-${stamp}@example.com`;
  await box.fill(`${a}\n${b}`);
  await page.getByRole("button", { name: "Suppress" }).click();
  await expect(page.getByRole("form", { name: "Add suppressions" }).getByTestId("suppressions-results")).toContainText(
    "Added: 2 of 2 done",
  );
  await expect(page.locator(`[data-testid="suppression-row"][data-email="${a}"]`)).toBeVisible();
  await shot(page, testInfo, "added");

  await page.getByLabel(`Select ${a}`).check();
  await page.getByRole("button", { name: "Remove selected" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Remove 1 suppression from outbound?");
  await expect(dialog).toContainText(a);
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("suppressions-list").getByTestId("suppressions-results")).toContainText(
    "Removed: 1 of 1 done",
  );
  await expect(page.locator(`[data-testid="suppression-row"][data-email="${a}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="suppression-row"][data-email="${b}"]`)).toBeVisible();
  await page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/suppressions-${testInfo.project.name}-removed-full.png`,
    fullPage: true,
  });
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("an unknown stream shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/suppressions?stream=no-such-stream");
  const error = page.getByTestId("postmark-error");
  await expect(error).toContainText("ErrorCode");
  await expect(error).toContainText("1226");
  expect(unexpected(errors)).toEqual([]);
});

test("bulk removal: a dry run says which suppressions Postmark will lift, then a server job removes them with a result per address", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page);
  const errors = watchConsole(page);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const mine = Array.from({ length: 6 }, (_, i) => `e2e-bulk-${i}-${stamp}@example.com`);
  const added = await page.request.post("/api/postmark/message-streams/outbound/suppressions", {
    headers: { Origin: new URL(page.url()).origin },
    data: { Suppressions: mine.map((EmailAddress) => ({ EmailAddress })) },
  });
  expect(added.status()).toBe(200);

  // A filter of spam complaints: the dry run says none can be removed, and why.
  await page.goto("/suppressions?stream=outbound&reason=SpamComplaint");
  await expect(page.getByTestId("suppression-row").first()).toBeVisible();
  const spam = await page.getByTestId("suppression-row").count();
  await page.getByRole("button", { name: /Dry run: all [\d,]+ matching the filter/ }).click();
  const plan = page.getByTestId("removal-plan");
  await expect(plan).toHaveAttribute("data-removable", "0");
  await expect(plan).toHaveAttribute("data-blocked", String(spam));
  await expect(plan.getByTestId("removal-verdict").first()).toContainText("Postmark refuses to lift these");
  await expect(plan.getByRole("button", { name: /Remove 0 suppressions/ })).toBeDisabled();

  // This run's own addresses, by filter: all six can go; the run is a server job.
  await page.goto(`/suppressions?stream=outbound&email=${encodeURIComponent(stamp)}`);
  await expect(page.getByTestId("suppression-row")).toHaveCount(6);
  await page.getByLabel(`Select ${mine[0]}`).check();
  await page.getByRole("button", { name: "Dry run: 1 selected" }).click();
  await expect(plan).toHaveAttribute("data-removable", "1");
  await page.getByRole("button", { name: /Dry run: all 6 matching the filter/ }).click();
  await expect(plan).toHaveAttribute("data-removable", "6");
  await expect(plan).toHaveAttribute("data-blocked", "0");
  await shot(page, testInfo, "bulk-plan");
  await plan.getByRole("button", { name: "Remove 6 suppressions" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Remove 6 suppressions from outbound?");
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/job=\d+/);

  // The job lives on the server: a reload finds it, and it ends with a result per address.
  await page.reload();
  const detail = page.getByTestId("job-detail");
  await expect(detail.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(detail.locator('[data-testid="job-item"][data-status="succeeded"]')).toHaveCount(6);
  await expect(page.getByTestId("suppression-row")).toHaveCount(0);
  await detail.scrollIntoViewIfNeeded();
  await shot(page, testInfo, "bulk-done");
  const dump = (await (await page.request.get("/api/postmark/message-streams/outbound/suppressions/dump")).json()) as {
    Suppressions: { EmailAddress: string }[];
  };
  expect(dump.Suppressions.filter((s) => s.EmailAddress.includes(stamp))).toEqual([]);
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});
