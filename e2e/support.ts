import { expect, type Page, type TestInfo } from "@playwright/test";

export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-1";

// Chromium logs this when an email's HTML holds a script or an inline handler and the sandboxed
// preview (no allow-scripts) refuses to run it: the sandbox doing its job, not an app error.
const sandboxRefusal = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

/** Collects console errors and page crashes; a spec asserts the list is empty at the end. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !sandboxRefusal.test(msg.text())) errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

export async function signIn(page: Page, username = "admin", password = ADMIN_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export function isPhone(testInfo: TestInfo): boolean {
  return testInfo.project.name === "phone";
}

/** Opens the drawer on a phone; the sidebar is always visible on a desktop. */
export async function openNav(page: Page, testInfo: TestInfo): Promise<void> {
  if (isPhone(testInfo)) await page.getByRole("button", { name: "Open menu" }).click();
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "page is wider than the viewport").toBeLessThanOrEqual(0);
}
