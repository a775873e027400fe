import { expect, test } from "@playwright/test";
import { ADMIN_PASSWORD, signIn, watchConsole } from "./support";

test("a wrong password shows the server's error", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("empty fields are caught before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username")).toBeVisible();
});

test("sign in, land on the console, sign out", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, "admin", ADMIN_PASSWORD);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("mode-badge")).toHaveText("Sandbox");
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The session is really gone: the console sends us back to sign-in.
  await page.goto("/operations");
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
});
