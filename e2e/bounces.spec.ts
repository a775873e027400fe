import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/bounces-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });
// The browser logs Postmark's 422 answers as failed loads; the page shows them itself.
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("delivery stats and bounces load; a type filter lives in the URL and narrows the list", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/bounces");
  await expect(page.getByRole("heading", { level: 1, name: "Bounces" })).toBeVisible();
  await expect(page.getByTestId("bounces-stats")).toContainText("All bounces");
  await expect(page.getByTestId("bounce-row").first()).toBeVisible();
  await expect(page.getByTestId("pager")).toContainText(/of [\d,]+/);
  await shot(page, testInfo, "list");

  await page.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Soft bounce" }).click();
  await expect(page).toHaveURL(/type=SoftBounce/);
  await expect(page.getByTestId("bounce-row").first()).toBeVisible();
  const types = await page.getByTestId("bounce-row").locator("td:nth-child(3)").allTextContents();
  expect(types.length).toBeGreaterThan(0);
  for (const t of types) expect(t).toBe("Soft bounce");

  await page.getByLabel("Email contains").fill("zz-no-such-address");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/email=zz-no-such-address/);
  await expect(page.getByText("No bounces match these filters")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("a bounce shows its SMTP dump and can be reactivated after a confirm naming the address", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/bounces?type=HardBounce&inactive=true");
  const first = page.getByTestId("bounce-row").first();
  await expect(first).toBeVisible();
  const address = (await first.getByRole("button").first().textContent())!.trim();
  await first.getByRole("button").first().click();
  await expect(page).toHaveURL(/bounce=\d+/);
  const panel = page.getByTestId("bounce-detail");
  await expect(panel.getByRole("heading", { name: "SMTP dump" })).toBeVisible();
  await expect(
    panel.locator('pre[aria-label="SMTP dump"]').or(panel.getByText(/no longer keeps the SMTP dump|dump is empty/)),
  ).toBeVisible();
  await shot(page, testInfo, "detail");

  await panel.getByRole("button", { name: "Reactivate" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Reactivate ${address}?`);
  await dialog.getByRole("button", { name: "Reactivate" }).click();
  await expect(panel.getByRole("status")).toBeVisible();
  await expect(panel.getByText("Active", { exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("an unknown bounce shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/bounces?bounce=999999999999");
  const error = page.getByTestId("bounce-detail").getByTestId("postmark-error");
  await expect(error).toContainText("ErrorCode");
  await expect(error).toContainText("1001");
  expect(unexpected(errors)).toEqual([]);
});

test("a page past the end says so, and a bounce links to the message that bounced", async ({ page }) => {
  await signIn(page);
  const errors = watchConsole(page);
  const total = (
    (await (await page.request.get("/api/postmark/bounces?count=1&offset=0")).json()) as { TotalCount: number }
  ).TotalCount;
  expect(total).toBeLessThan(9_000); // so a far page lies past the end, not at the 10,000-row ceiling
  await page.goto("/bounces?page=180");
  await expect(page.getByText("Page 180 is past the end of the results")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Nothing recorded")).toHaveCount(0);

  await page.goto("/bounces");
  await page.getByTestId("bounce-row").first().getByRole("button").first().click();
  // Times read in US Eastern (Postmark's days) with local time beside them.
  await expect(page.getByTestId("bounce-detail").getByText(/ ET/).first()).toBeVisible();
  const link = page.getByTestId("bounce-detail").getByTestId("bounce-message-link");
  const id = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/activity\\?.*message=${id}`));
  await expect(page.getByTestId("message-detail")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});
