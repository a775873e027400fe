import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow, isPhone, openNav, signIn, watchConsole } from "./support";

const entries = [
  "Overview",
  "Activity",
  "Bounces",
  "Suppressions",
  "Send",
  "Stats",
  "Streams",
  "Templates",
  "Domains",
  "Senders",
  "Servers",
  "Webhooks",
  "Inbound rules",
  "Data removals",
  "Event feed",
  "Workflows",
  "Approvals",
  "Alerts",
  "Operations",
  "Settings",
];

test("every sidebar entry opens without console errors or horizontal overflow", async ({ page }, testInfo) => {
  // Twenty pages, each to network idle: the default 30 s is too tight on a loaded two-core machine.
  test.setTimeout(150_000);
  await signIn(page);
  // Watched from here: the sign-in page's session probe answers 401 by design.
  const errors = watchConsole(page);
  for (const title of entries) {
    await openNav(page, testInfo);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoHorizontalOverflow(page);
  }
  expect(errors).toEqual([]);
});

test("the command palette jumps to a page and to an operation", async ({ page }, testInfo) => {
  await signIn(page);
  // The shortcut listener lives in the shell: wait until it has rendered.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (isPhone(testInfo)) await page.getByRole("button", { name: "Search pages and operations" }).click();
  else await page.keyboard.press("Control+k");
  await page.getByPlaceholder("Go to a page or an operation…").fill("bounces");
  await page.getByRole("option", { name: "Bounces", exact: true }).click();
  await expect(page).toHaveURL(/\/bounces$/);
  await page.getByRole("button", { name: "Search pages and operations" }).click();
  await page.getByPlaceholder("Go to a page or an operation…").fill("list message streams");
  await page.getByRole("option", { name: /List message streams/ }).click();
  await expect(page).toHaveURL(/\/operations\/streams\/list$/);
});

test("an unknown address shows the not-found page", async ({ page }) => {
  await signIn(page);
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
