import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/stats-${testInfo.project.name}-${name}.png`,
    fullPage: name.endsWith("full"),
  });

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
  // Charts far below the screen wait, with their numbers in, until they are scrolled near.
  const location = page.getByTestId("chart-click-location");
  await expect(location.getByTestId("chart-not-drawn")).toBeVisible();
  await expect(location.getByTestId("chart-summary")).toContainText(/Clicks by location: .*\d/);
  await location.scrollIntoViewIfNeeded();
  await expect(location.locator(".recharts-surface").last()).toBeVisible();
  await expect(location.getByTestId("chart-not-drawn")).toHaveCount(0);
  await page.getByTestId("chart-open-clients").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("chart-open-clients").locator(".recharts-surface").last()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByTestId("chart-bounces").getByTestId("chart-summary")).toContainText(
    /Hard bounce|none in this period/,
  );
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

async function exportAs(page: Page, chart: string, what: "CSV" | "PNG"): Promise<Download> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: `Export ${chart}` }).click();
  await page.getByRole("menuitem", { name: `Download ${what}` }).click();
  return download;
}

test("verdicts, compare with the previous period, a breakdown's table, CSV and PNG exports", async ({
  page,
}, testInfo) => {
  test.slow();
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/stats?range=7d");
  // The period judged by the shared verdict code, saying how.
  const bounce = page.getByTestId("stats-verdict-bounce");
  // Eleven stats calls per view against a loaded sandbox: the first numbers may take a while.
  await expect(bounce.locator("[data-level]")).toHaveAttribute("data-level", /good|warning|critical|too-few/, {
    timeout: 30_000,
  });
  await expect(bounce).toContainText(/sent/);
  await expect(page.getByTestId("stats-verdict-spam").locator("[data-level]")).toBeVisible();
  // The tag filter lists what exists (at least "Any tag").
  await page.getByRole("combobox", { name: "Tag" }).click();
  await expect(page.getByRole("option", { name: /^Any tag/ })).toBeVisible();
  await page.keyboard.press("Escape");

  const sends = page.getByTestId("chart-sends");
  await expect(sends.locator(".recharts-wrapper > svg")).toBeVisible({ timeout: 20_000 });
  const toggle = sends.getByRole("button", { name: "Compare Sent with the previous period" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(sends.locator(".recharts-legend-item-text", { hasText: "Sent (previous)" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(sends).toContainText("dashed:");
  await expect(sends).not.toHaveAttribute("aria-busy", "true", { timeout: 20_000 });
  await shot(page, testInfo, "compare");

  // The PNG of the chart as shown.
  const png = await exportAs(page, "Sent", "PNG");
  expect(png.suggestedFilename()).toMatch(/^stats-sends-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.png$/);
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe("PNG");
  await png.saveAs(
    `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/stats-${testInfo.project.name}-export.png`,
  );

  // The table and its CSV hold both periods, one row per day.
  await sends.getByRole("button", { name: "Show Sent as a table" }).click();
  const table = sends.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Sent (previous)" })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(8);
  const csvFile = await exportAs(page, "Sent", "CSV");
  expect(csvFile.suggestedFilename()).toMatch(/^stats-sends-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await csvFile.path(), "utf8")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("Day,Sent,Previous day,Sent (previous)");
  expect(lines).toHaveLength(8);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},\d+,\d{4}-\d{2}-\d{2},\d+$/);

  // Turning the comparison off drops its columns.
  await toggle.click();
  await expect(table.getByRole("columnheader", { name: "Sent (previous)" })).toHaveCount(0);

  // A breakdown's table view.
  const clients = page.getByTestId("chart-open-clients");
  await clients.scrollIntoViewIfNeeded();
  await clients.getByRole("button", { name: "Show Opens by email client as a table" }).click();
  await expect(clients.getByRole("columnheader", { name: "Share (%)" })).toBeVisible();
  await expect(clients.getByRole("row").nth(1)).toBeVisible();
  await shot(page, testInfo, "breakdown-table");
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
  await page.getByTestId("chart-opens").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("chart-opens").locator(".recharts-surface").last()).toBeVisible({ timeout: 20_000 });
  await shot(page, testInfo, "dark");
});
