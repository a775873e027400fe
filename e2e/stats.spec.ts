import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/stats-${testInfo.project.name}-${name}.png`, fullPage: name.endsWith("full") });

test("stats load real data, filters live in the URL, and each chart has a table view", async ({ page }, testInfo) => {
  // Eleven stats calls per view against the sandbox: give a loaded machine time.
  test.slow();
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/stats");
  await expect(page.getByRole("heading", { level: 1, name: "Stats" })).toBeVisible();
  const sent = page.getByTestId("kpi-sent");
  await expect(sent).toContainText(/\d/);
  const sent30 = await sent.locator("dd span").first().textContent();
  expect(Number(sent30!.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(page.getByTestId("chart-sends").getByRole("heading", { name: "Sent" })).toBeVisible();
  await expect(page.getByTestId("chart-sends").locator(".recharts-surface").last()).toBeVisible();
  await expect(page.getByTestId("chart-open-clients").locator(".recharts-surface").last()).toBeVisible();
  await expect(page.getByTestId("chart-bounces").getByTestId("chart-summary")).toContainText(/Hard bounce|none in this period/);
  await shot(page, testInfo, "overview");

  // A preset changes the URL and the numbers.
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(sent.locator("dd span").first()).not.toHaveText(sent30!, { timeout: 20_000 });

  // Stream filter in the URL.
  await page.getByRole("combobox", { name: "Stream" }).click();
  await page.getByRole("option").nth(1).click();
  await expect(page).toHaveURL(/stream=/);
  await expect(sent).toContainText(/\d/);

  // The table view of a chart shows the same numbers, one row per day.
  await expect(page.getByTestId("chart-sends")).not.toHaveAttribute("aria-busy", "true", { timeout: 20_000 });
  await page.getByRole("button", { name: "Show Sent as a table" }).click();
  const table = page.getByTestId("chart-sends").getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(8);
  await page.getByRole("button", { name: "Show Sent as a chart" }).click();
  await expect(table).toHaveCount(0);

  // Custom range.
  await page.getByRole("button", { name: "Custom" }).click();
  await expect(page).toHaveURL(/range=custom/);
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByLabel("From")).toBeVisible();

  await page.getByTestId("chart-click-location").scrollIntoViewIfNeeded();
  await shot(page, testInfo, "breakdowns");
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("an unknown stream shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  await page.waitForLoadState("networkidle");
  await page.goto("/stats?stream=no-such-stream");
  const alert = page.getByRole("alert").filter({ hasText: "Could not load the overview" });
  await expect(alert.getByTestId("postmark-error")).toContainText("1226");
  await expect(alert.getByTestId("postmark-error")).toContainText("Message");
  await expectNoHorizontalOverflow(page);
});

test("stats look right in dark mode", async ({ page }, testInfo) => {
  test.slow();
  await signIn(page);
  await page.evaluate(() => localStorage.setItem("mailroom.theme", "dark"));
  await page.goto("/stats?range=45d");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByTestId("chart-opens").locator(".recharts-surface").last()).toBeVisible({ timeout: 20_000 });
  await shot(page, testInfo, "dark");
});
