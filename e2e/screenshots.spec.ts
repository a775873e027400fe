import { test } from "@playwright/test";
import { isPhone, signIn } from "./support";

// Not assertions: pictures for a person to look at (test-results/screens/).
test("screenshots of the main screens", async ({ page }, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({
      path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/${testInfo.project.name}-${name}.png`,
      fullPage: true,
    });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await shot("sign-in");
  await signIn(page);
  await page.goto("/bounces");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await shot("shell");
  if (isPhone(testInfo)) {
    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await shot("drawer");
    await page.keyboard.press("Escape");
  }
  await page.goto("/operations");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await shot("explorer");
  await page.goto("/operations/streams/list");
  await page.getByRole("button", { name: "Run" }).click();
  await page.getByTestId("json-viewer").waitFor();
  await shot("operation");
  await page.goto("/operations/bulk/send");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await shot("operation-form");
  await page.goto("/settings?tab=users");
  await page.getByRole("table").waitFor();
  await shot("settings-users");
  await page.goto("/settings?tab=connection");
  await page.getByText("Connect to Postmark").waitFor();
  await shot("settings-connection");
  await page
    .getByRole("button", { name: /Search/ })
    .first()
    .click();
  await page.getByPlaceholder("Go to a page or an operation…").fill("domain");
  await shot("palette");
});
