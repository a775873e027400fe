import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/templates-${testInfo.project.name}-${name}.png`, fullPage: false });

/**
 * Expected: a Postmark refusal's failed load (422), and Chromium's note that the preview frame blocked a
 * script: Playwright's frameLocator injects its helpers there, and the sandbox (no allow-scripts) refuses them.
 */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e) && !/Blocked script execution in 'about:srcdoc'/.test(e));

test("lists templates and layouts; the type filter lives in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/templates");
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  const rows = page.getByTestId("template-row");
  await expect(rows.filter({ hasText: "welcome" }).first()).toBeVisible();
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("tab", { name: "Layouts" }).click();
  await expect(page).toHaveURL(/type=Layout/);
  await expect(rows.first()).toHaveAttribute("data-type", "Layout");
  await expect(rows.and(page.locator(':not([data-type="Layout"])'))).toHaveCount(0);
  await page.reload();
  await expect(rows.filter({ hasText: "basic-layout" })).toBeVisible();
  await expect(rows.and(page.locator(':not([data-type="Layout"])'))).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("edits with live validation and a sandboxed preview, creates, saves and deletes; a used layout refuses deletion", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const alias = `e2e-${testInfo.project.name}-${Date.now() % 100000}`;
  await page.goto("/templates/new");
  await expect(page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
  await page.getByLabel("Name").fill("E2E hello");
  await page.getByLabel("Alias").fill(alias);
  await page.getByLabel("Subject").fill("Hi {{firstName}}");
  await page.getByLabel("HTML body").fill("<h1>Hello {{firstName}}</h1><p>{{#each items}}{{name}} {{/each}}</p>");
  await page.getByLabel("Text body").fill("Hello {{firstName}}");

  // The suggested model becomes the test model, and the preview renders it inside a script-less sandbox.
  await expect(page.getByLabel("Test model (JSON)")).toHaveValue(/firstName/);
  const iframe = page.getByTestId("html-preview");
  await expect(iframe).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator('[data-testid="html-preview"]').getByRole("heading", { name: /Hello firstName_Value/ })).toBeVisible();
  await page.getByLabel("Test model (JSON)").fill('{"firstName": "Ada", "items": []}');
  await expect(page.frameLocator('[data-testid="html-preview"]').getByRole("heading", { name: "Hello Ada" })).toBeVisible();
  await expect(page.getByTestId("rendered-subject")).toHaveText("Hi Ada");

  // A syntax error shows per part, with where it is.
  await page.getByLabel("HTML body").fill("<p>{{#each items}}</p>");
  await expect(page.getByTestId("validation-HtmlBody")).toHaveAttribute("data-valid", "false");
  await expect(page.getByTestId("validation-HtmlBody").locator("li").first()).toBeVisible();
  await shot(page, testInfo, "editor-invalid");
  await page.getByLabel("HTML body").fill("<h1>Hello {{firstName}}</h1>");
  await expect(page.getByTestId("validation-HtmlBody")).toHaveAttribute("data-valid", "true");

  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${alias}$`));
  await expect(page.getByRole("heading", { level: 1, name: "E2E hello" })).toBeVisible();
  await page.getByLabel("Name").fill("E2E hello again");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText(`Template ${alias} saved`)).toBeVisible();
  await shot(page, testInfo, "editor");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Delete template E2E hello again?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByTestId("template-row").filter({ hasText: alias })).toHaveCount(0);

  // 1130: a layout in use cannot be deleted.
  await page.goto("/templates/basic-layout");
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Delete layout");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("template-action-error").getByTestId("postmark-error")).toContainText("1130");
  await expect(page.getByTestId("template-action-error").getByTestId("postmark-error")).toContainText("in use");
  await shot(page, testInfo, "delete-error");
  expect(unexpected(errors)).toEqual([]);
});
