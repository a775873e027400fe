import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

test("runs a read operation and shows its JSON", async ({ page }) => {
  await signIn(page);
  // Watched from here: the sign-in page's session probe answers 401 by design.
  const errors = watchConsole(page);
  await page.goto("/operations");
  await page.getByRole("searchbox", { name: "Search operations" }).fill("message streams");
  await expect(page).toHaveURL(/q=message/);
  await page.getByRole("link", { name: /List message streams/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "List message streams" })).toBeVisible();
  await expect(page.getByTestId("request-preview")).toContainText("GET /message-streams");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByTestId("response-status")).toHaveText("200");
  await expect(page.getByTestId("json-viewer")).toContainText("MessageStreams");
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("a failing operation shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  await page.goto("/operations/domains/get");
  await page.getByLabel("domainid").fill("987654321");
  await expect(page.getByTestId("request-preview")).toContainText("GET /domains/987654321");
  await page.getByRole("button", { name: "Run" }).click();
  const error = page.getByTestId("postmark-error");
  await expect(error).toContainText("ErrorCode");
  await expect(error).toContainText("510");
  await expect(error).toContainText("not found");
});

test("form errors come from the catalog's schemas", async ({ page }) => {
  await signIn(page);
  await page.goto("/operations/domains/list");
  await page.locator("#query-count").fill("9000");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByText(/500/).first()).toBeVisible();
  await expect(page.getByTestId("operation-result")).toHaveCount(0);
});

test("a destructive operation asks first, naming what it changes", async ({ page }) => {
  await signIn(page);
  await page.goto("/operations/domains/delete");
  await page.getByLabel("domainid").fill("123");
  await page.getByRole("button", { name: "Run" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Delete a sending domain: domainid 123?");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("operation-result")).toHaveCount(0);
});

test("a viewer sees write operations disabled, with the reason", async ({ page, baseURL }) => {
  await signIn(page);
  const username = `viewer${Date.now()}`;
  const created = await page.request.post("/api/users", {
    headers: { Origin: baseURL! },
    data: { username, password: "viewer-password-1", role: "viewer" },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  await page.request.post("/api/auth/logout", { headers: { Origin: baseURL! } });
  await page.context().clearCookies();
  await signIn(page, username, "viewer-password-1");
  await page.goto("/operations/domains/create");
  await expect(page.getByRole("button", { name: "Run" })).toBeDisabled();
  await expect(page.getByTestId("role-reason")).toContainText("viewer");
  await page.goto("/operations/streams/list");
  await expect(page.getByRole("button", { name: "Run" })).toBeEnabled();
});
