import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** Sends a test event the way the Triggers page does, from inside the signed-in page. */
async function sendTestEvent(page: Page, trigger: string): Promise<void> {
  const status = await page.evaluate(async (t) => {
    const res = await fetch("/api/events/test", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ trigger: t }),
    });
    return res.status;
  }, trigger);
  expect(status, `POST /api/events/test ${trigger}`).toBeLessThan(300);
}

async function openTypes(page: Page, testInfo: TestInfo) {
  if (
    isPhone(testInfo) &&
    (await page.getByRole("button", { name: "More filters" }).getAttribute("aria-expanded")) !== "true"
  ) {
    await page.getByRole("button", { name: "More filters" }).click();
  }
  await page.getByRole("button", { name: /^Types/ }).click();
}

test("a test event sent from the Triggers page arrives live in the feed, without a reload", async ({ page }) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/feed");
  await expect(page.getByRole("heading", { level: 1, name: "Event feed" })).toBeVisible();
  await expect(page.getByTestId("live-indicator").first()).toHaveAttribute("data-status", "live");
  await page.waitForLoadState("networkidle");
  let reloaded = false;
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) reloaded = true;
  });

  // A second tab sends it; this one only listens.
  const other = await page.context().newPage();
  await other.goto("/triggers/bounce");
  await other.getByRole("button", { name: "Send a test event" }).click();
  const arrived = other.getByText(/Arrived in the feed as event #\d+/);
  await expect(arrived).toBeVisible();
  const id = /#(\d+)/.exec((await arrived.textContent()) ?? "")![1];
  // The list is virtualised (rows outside the window are not rendered), so count nothing: the new
  // event's own row must appear near the top.
  const row = page.locator(`[data-testid="feed-row"][data-event-id="${id}"]`);
  await expect(row).toHaveAttribute("data-trigger", "bounce");
  expect(reloaded).toBe(false);

  // The result links to the event itself.
  await other.getByRole("link", { name: "Open it in the feed" }).click();
  await expect(other).toHaveURL(/\/feed\?event=\d+/);
  await expect(other.getByTestId("feed-detail")).toBeVisible();
  await other.close();
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("filtering by type puts the filter in the URL and lists only that type", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto("/feed");
  await expect(page.getByTestId("live-indicator").first()).toHaveAttribute("data-status", "live");
  for (const t of ["click", "delivery", "open", "spam-complaint", "inbound", "subscription-change"])
    await sendTestEvent(page, t);
  await expect(page.getByTestId("feed-row").and(page.locator('[data-trigger="inbound"]')).first()).toBeVisible();
  await expect(page.getByTestId("feed-row").and(page.locator('[data-trigger="click"]')).first()).toBeVisible();
  await shot(page, testInfo, "feed");

  await openTypes(page, testInfo);
  await page.getByRole("menuitemcheckbox", { name: "Click" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/types=click/);
  const rows = page.getByTestId("feed-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.and(page.locator(':not([data-trigger="click"])'))).toHaveCount(0);

  // The filter survives a reload: it lives in the URL and is applied by the server.
  await page.reload();
  await expect(rows.first()).toHaveAttribute("data-trigger", "click");
  await expect(rows.and(page.locator(':not([data-trigger="click"])'))).toHaveCount(0);

  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/types=/);
  await expect(rows.and(page.locator('[data-trigger="delivery"]')).first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test("a row opens the detail panel with the fields, links and raw JSON", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto("/feed");
  await expect(page.getByTestId("live-indicator").first()).toHaveAttribute("data-status", "live");
  await sendTestEvent(page, "bounce");
  const row = page.getByTestId("feed-row").and(page.locator('[data-trigger="bounce"]')).first();
  await row.click();
  await expect(page).toHaveURL(/event=\d+/);
  const panel = page.getByTestId("feed-detail");
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Raw JSON")).toBeVisible();
  await expect(panel.getByTestId("json-viewer")).toContainText("RecordType");
  await expect(panel.getByRole("link", { name: "The message" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "The bounce" })).toBeVisible();
  await expect(panel.getByRole("link", { name: /history/ })).toBeVisible();
  await shot(page, testInfo, "feed-detail");
  await expectNoHorizontalOverflow(page);

  // The recipient's history is the feed filtered by that address.
  await panel.getByRole("link", { name: /history/ }).click();
  await expect(page).toHaveURL(/recipient=/);
  await expect(panel).toBeHidden();
  await expect(page.getByTestId("feed-row").first()).toBeVisible();
});
