import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/inbound-rules-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** A Postmark refusal is an expected 4xx; the browser logs the failed load itself, nothing else may. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("lists the seeded rules and filters them by kind through the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/inbound-rules");
  await expect(page.getByRole("heading", { level: 1, name: "Inbound rules" })).toBeVisible();
  const rows = page.getByTestId("inbound-rule");
  await expect(rows.and(page.locator('[data-rule="spammy-deals.biz"]'))).toBeVisible();
  await expect(rows.and(page.locator('[data-rule="promo@spammy-deals.biz"]'))).toBeVisible();
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("tab", { name: "Domains" }).click();
  await expect(page).toHaveURL(/kind=domain/);
  await expect(rows.and(page.locator('[data-rule="spammy-deals.biz"]'))).toBeVisible();
  await expect(rows.and(page.locator('[data-rule*="@"]'))).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("tab", { name: "Domains" })).toHaveAttribute("aria-selected", "true");
  await expect(rows.and(page.locator('[data-rule*="@"]'))).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("adds a rule, refuses bad ones with Postmark's error, and deletes after a confirm", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const rule = `blocked-${testInfo.project.name}-${Date.now()}@example.org`;
  await page.goto("/inbound-rules");
  const rows = page.getByTestId("inbound-rule");
  await expect(rows.first()).toBeVisible();
  const input = page.getByLabel("Block an address or a domain");

  // 813: neither an address nor a domain.
  await input.fill("not_a_domain");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("postmark-error")).toContainText("813");
  await expect(page.getByTestId("postmark-error")).toContainText("is not a valid email address or domain");
  // 810: exists already.
  await input.fill("spammy-deals.biz");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("postmark-error")).toContainText("810");
  await expect(page.getByTestId("postmark-error")).toContainText("This rule already exists.");
  await shot(page, testInfo, "error");
  await expectNoHorizontalOverflow(page);

  await input.fill(rule);
  await page.getByRole("button", { name: "Add rule" }).click();
  const row = rows.and(page.locator(`[data-rule="${rule}"]`));
  await expect(row).toBeVisible();
  await expect(page.getByTestId("postmark-error")).toHaveCount(0);
  await expect(input).toHaveValue("");

  await row.getByRole("button", { name: `Delete rule ${rule}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Delete the rule ${rule}?`);
  await shot(page, testInfo, "confirm");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Delete rule ${rule}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete rule" }).click();
  await expect(row).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});
