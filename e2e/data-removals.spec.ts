import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/data-removals-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** A Postmark refusal is an expected 4xx; the browser logs the failed load itself, nothing else may. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("checks a request's status by id, with the id in the URL; an unknown id shows Postmark's error", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/data-removals");
  await expect(page.getByRole("heading", { level: 1, name: "Data removals" })).toBeVisible();
  await expect(page.getByText("What a removal does")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Requests made through Mailroom" })).toBeVisible();

  await page.getByLabel("Request id").fill("1201");
  await page.getByRole("button", { name: "Check status" }).click();
  await expect(page).toHaveURL(/request=1201/);
  await expect(page.getByTestId("removal-status")).toContainText("Done");
  await expectNoHorizontalOverflow(page);

  await page.getByLabel("Request id").fill("999999");
  await page.getByRole("button", { name: "Check status" }).click();
  await expect(page).toHaveURL(/request=999999/);
  await expect(page.getByTestId("postmark-error")).toContainText("1301");
  await expect(page.getByTestId("postmark-error")).toContainText("The data removal request was not found.");
  await shot(page, testInfo, "error");
  expect(unexpected(errors)).toEqual([]);
});

test("creates a removal after a confirm naming the address; Mailroom keeps it for every admin and checks it", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.slow(); // two browsers signed in on a shared machine
  await signIn(page);
  const errors = watchConsole(page);
  const address = `leaver-${testInfo.project.name}@example.org`;
  await page.goto("/data-removals");
  await page.getByRole("button", { name: "Request removal" }).click();
  await expect(page.getByText("Enter the email address whose data should be erased.")).toBeVisible();

  await page.getByLabel("Erase data about").fill(address);
  await page.getByLabel("Requested by").fill("dpo@lumenapp.io");
  await page.getByRole("button", { name: "Request removal" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Erase everything Postmark holds about ${address}?`);
  await confirm.getByRole("button", { name: `Erase ${address}` }).click();
  await expect(confirm).toBeHidden();

  const row = page.getByTestId("removal-row").filter({ hasText: address });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Pending");
  await expect(page).toHaveURL(/request=\d+/);
  await expect(page.getByTestId("removal-status")).toContainText("Pending");
  await shot(page, testInfo, "created");
  await expectNoHorizontalOverflow(page);

  await expect(row).toContainText("made by admin");

  // Kept by Mailroom, not the browser: another admin in another browser sees it and can check it.
  const username = `dradmin${testInfo.project.name}${Date.now()}`;
  const created = await page.request.post("/api/users", {
    headers: { Origin: baseURL! },
    data: { username, password: "second-admin-password-1", role: "admin" },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, username, "second-admin-password-1");
  await second.goto("/data-removals");
  const theirRow = second.getByTestId("removal-row").filter({ hasText: address });
  await expect(theirRow).toBeVisible();
  const checked = second.waitForResponse((r) => /\/api\/data-removals\/\d+\/check$/.test(r.url()));
  await theirRow.getByRole("button", { name: "Check now" }).click();
  expect((await checked).status()).toBe(200);
  await theirRow.getByRole("button", { name: "Details" }).click();
  await expect(second.getByTestId("removal-status")).toBeVisible();
  await other.close();
  expect(unexpected(errors)).toEqual([]);
});

test("a bad address is refused by the form before anything is sent", async ({ page }) => {
  await signIn(page);
  await page.goto("/data-removals");
  await page.getByLabel("Erase data about").fill("not-an-address");
  await page.getByLabel("Requested by").fill("dpo@lumenapp.io");
  await page.getByRole("button", { name: "Request removal" }).click();
  await expect(page.locator("#dr-for-error")).toContainText("An email address");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});
