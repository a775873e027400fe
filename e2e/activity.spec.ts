import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/activity-${testInfo.project.name}-${name}.png`, fullPage: false });
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("outbound messages load, a filter lives in the URL, and a message opens with its HTML sandboxed", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expect(page.getByTestId("outbound-row").first()).toBeVisible();
  await shot(page, testInfo, "outbound");

  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Queued" }).click();
  await expect(page).toHaveURL(/status=queued/);
  await expect(page.getByTestId("activity-list")).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Any status" }).click();
  await page.getByLabel("Subject").fill("zz no such subject");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/subject=zz/);
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("outbound-row").first()).toBeVisible();

  await page.getByTestId("outbound-row").first().getByRole("button").first().click();
  await expect(page).toHaveURL(/message=/);
  const panel = page.getByTestId("message-detail");
  await expect(panel.getByTestId("message-timeline").or(panel.getByText("No events yet."))).toBeVisible();
  await shot(page, testInfo, "detail");
  await panel.getByRole("tab", { name: "Content" }).click();
  const frame = panel.getByTestId("email-frame");
  if (await frame.count()) {
    await expect(frame).toHaveAttribute("sandbox", "");
    expect(await frame.getAttribute("srcdoc")).toBeTruthy();
  }
  await panel.getByRole("tab", { name: "SMTP dump" }).click();
  await expect(panel.locator('pre[aria-label="SMTP dump"]').or(panel.getByText("No dump is available"))).toBeVisible();
  await panel.getByRole("tab", { name: "Opens & clicks" }).click();
  await expect(panel.getByRole("heading", { name: /^Opens/ })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("blocked inbound mail can be bypassed after a confirm, and leaves the blocked list", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/activity?tab=inbound&status=blocked");
  const rows = page.getByTestId("inbound-row");
  await expect(rows.first()).toBeVisible();
  for (const s of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(s).toBe("Blocked");
  await shot(page, testInfo, "inbound");
  const before = await page.getByTestId("pager").textContent();
  const subject = (await rows.first().getByRole("button").first().textContent())!.trim();

  await rows.first().getByRole("button", { name: "Bypass" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Bypass the block on");
  await expect(dialog).toContainText(subject);
  await dialog.getByRole("button", { name: "Bypass" }).click();
  await expect(page.getByTestId("pager")).not.toHaveText(before!);
  await expectNoHorizontalOverflow(page);

  await page.getByRole("tab", { name: "Opens" }).click();
  await expect(page).toHaveURL(/tab=opens/);
  await expect(page.getByTestId("opens-row").first()).toBeVisible({ timeout: 15_000 });
  expect(unexpected(errors)).toEqual([]);
});

test("an unknown message shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/activity?message=00000000-no-such-message&kind=outbound");
  const error = page.getByTestId("message-detail").getByTestId("postmark-error");
  await expect(error).toContainText("ErrorCode");
  await expect(error).toContainText("701");
  expect(unexpected(errors)).toEqual([]);
});
