import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/${testInfo.project.name}-${name}.png`,
    fullPage: true,
  });

const titles = [
  "Bounce",
  "Click",
  "Inbound",
  "Open",
  "Spam complaint",
  "Subscription change",
  "Delivery",
  "SMTP API error",
];

test("the Triggers page lists the 8 triggers and each shows fields, example and usage", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/triggers");
  await expect(page.getByRole("heading", { level: 1, name: "Triggers" })).toBeVisible();
  const main = page.getByRole("main");
  for (const t of titles) await expect(main.getByRole("link", { name: new RegExp(`^${t} `) })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalOverflow(page);
  await shot(page, testInfo, "triggers");

  await main.getByRole("link", { name: /^Spam complaint/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spam complaint" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Payload fields" })).toContainText("RecordType");
  await expect(page.getByTestId("json-viewer")).toContainText("SpamComplaint");
  await expect(page.getByText("Suppress a complainer on every stream")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send a test event" })).toBeEnabled();
  await expect(page.getByText(/Sandbox mode/)).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalOverflow(page);
  await shot(page, testInfo, "trigger");
  expect(errors).toEqual([]);
});

test("Settings → Webhooks shows the credentials and all 8 triggers wired in sandbox mode", async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.goto("/settings?tab=webhooks");
  const wiring = page.getByTestId("webhook-wiring");
  await expect(wiring).toBeVisible();
  await expect(wiring.getByTestId("wiring-trigger")).toHaveCount(8);
  // The server wired the sandbox at start; streams that other specs created since have no webhook
  // yet. Wiring them goes through the plan: exactly the missing changes, confirmed, then applied.
  const summary = wiring.getByTestId("wiring-summary").first();
  await expect(summary).toHaveText(/of 8 triggers reach Mailroom/);
  if ((await wiring.locator('[data-testid="wiring-trigger"][data-missing="true"]').count()) > 0) {
    await wiring.getByRole("button", { name: /Wire missing triggers|Check for changes to make/ }).click();
    await page.getByRole("button", { name: /^Make \d+ changes?$/ }).click();
  }
  await expect(wiring.locator('[data-testid="wiring-trigger"][data-reaches="true"]')).toHaveCount(8);
  await expect(summary).toHaveText("8 of 8 triggers reach Mailroom");
  await expect(wiring.getByText("/webhooks/postmark").first()).toBeVisible();

  // The password stays masked until asked for.
  const password = wiring.getByTestId("webhook-password");
  await expect(password).toHaveText("•".repeat(12));
  await wiring.getByRole("button", { name: "Show password" }).click();
  await expect(password).not.toHaveText("•".repeat(12));
  await wiring.getByRole("button", { name: "Hide password" }).click();

  // Nothing is missing, so the plan is empty and nothing is sent to Postmark.
  await wiring.getByRole("button", { name: /Check for changes to make|Wire missing triggers/ }).click();
  await expect(page.getByText(/Nothing to change/)).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalOverflow(page);
  await shot(page, testInfo, "settings-webhooks");
});
