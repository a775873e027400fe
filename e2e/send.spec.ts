import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/send-${testInfo.project.name}-${name}.png`, fullPage: false });

async function fillEnvelope(page: Page, prefix: "compose" | "template", to: string) {
  await page.locator(`#${prefix}-From`).fill("Lumen <hello@lumenapp.io>");
  await page.locator(`#${prefix}-To`).fill(to);
}

test("compose, preview in a sandboxed iframe, send, and see the MessageID", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/send");
  await expect(page.getByRole("heading", { level: 1, name: "Send" })).toBeVisible();
  // Streams come from streams.list.
  await page.locator("#compose-MessageStream").click();
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Escape");

  // Validation before Postmark is asked.
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.locator("#compose-From-error")).toBeVisible();

  await fillEnvelope(page, "compose", "ada@example.com");
  await page.locator("#compose-Subject").fill("Hello from the e2e suite");
  await page.locator("#compose-Tag").fill("e2e");
  await page.locator("#compose-Metadata").fill("order-id: 42");
  await page.locator("#compose-HtmlBody").fill("<h1>Preview heading</h1><p>Body text</p>");
  const preview = page.getByTestId("send-html-preview");
  await expect(preview).toHaveAttribute("sandbox", "");
  // Read the srcdoc rather than the frame: Playwright's own scripts are (rightly) blocked inside it.
  await expect(preview).toHaveAttribute("srcdoc", /<h1>Preview heading<\/h1>/);
  await page.getByRole("button", { name: "Send message" }).click();
  const success = page.getByTestId("send-success");
  await expect(success).toBeVisible();
  await expect(page.getByTestId("send-message-id")).toHaveText(/[0-9a-f-]{36}/);
  await expect(page.getByTestId("send-status")).toContainText("Status:");
  await expect(success.getByRole("link", { name: "Open the Activity page" })).toHaveAttribute("href", "/activity");
  await success.scrollIntoViewIfNeeded();
  await shot(page, testInfo, "compose");
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("a bad address shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  await page.goto("/send");
  await fillEnvelope(page, "compose", "not-an-email");
  await page.getByRole("tab", { name: "Text body" }).click();
  await page.locator("#compose-TextBody").fill("Hi");
  await page.getByRole("button", { name: "Send message" }).click();
  const err = page.getByTestId("send-error").getByTestId("postmark-error");
  await expect(err).toContainText("300");
  await expect(err).toContainText("Illegal email address");
});

test("send with a template: pick it, the model is prefilled, preview renders, send works", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/send");
  await page.getByRole("tab", { name: "With a template" }).click();
  await expect(page).toHaveURL(/mode=template/);
  await page.locator("#template-pick").click();
  await page.getByRole("option", { name: /Welcome/ }).click();
  await expect(page).toHaveURL(/template=welcome/);
  const model = page.locator("#template-model");
  await expect(model).toHaveValue(/\{/);
  await expect(page.getByTestId("template-subject")).not.toContainText("—");

  // Edit the model and render again.
  const parsed = JSON.parse(await model.inputValue()) as Record<string, unknown>;
  const key = Object.keys(parsed).find((k) => typeof parsed[k] === "string");
  if (key) {
    parsed[key] = "Zed-Render-Check";
    await model.fill(JSON.stringify(parsed, null, 2));
    await page.getByRole("button", { name: "Render preview" }).click();
    await expect(page.getByTestId("send-html-preview")).toHaveAttribute("srcdoc", /Zed-Render-Check/);
  }

  await fillEnvelope(page, "template", "grace@example.com");
  await page.getByRole("button", { name: "Send with template" }).click();
  await expect(page.getByTestId("send-success")).toBeVisible();
  await expect(page.getByTestId("send-message-id")).toHaveText(/[0-9a-f-]{36}/);
  await page.locator("#template-model").scrollIntoViewIfNeeded();
  await shot(page, testInfo, "template");
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("a viewer sees the send form disabled, with the reason", async ({ page, baseURL }) => {
  await signIn(page);
  const username = `sendviewer${Date.now()}`;
  const created = await page.request.post("/api/users", { headers: { Origin: baseURL! }, data: { username, password: "viewer-password-1", role: "viewer" } });
  expect(created.status(), await created.text()).toBeLessThan(300);
  await page.request.post("/api/auth/logout", { headers: { Origin: baseURL! } });
  await page.context().clearCookies();
  await signIn(page, username, "viewer-password-1");
  await page.goto("/send");
  await expect(page.getByTestId("role-reason")).toContainText("viewer");
  await expect(page.getByRole("button", { name: "Send message" })).toBeDisabled();
  await expect(page.locator("#compose-To")).toBeDisabled();
});
