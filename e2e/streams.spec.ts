import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/streams-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));
const rowOf = (page: Page, id: string) => page.getByTestId("stream-row").and(page.locator(`[data-stream-id="${id}"]`));

test("lists the streams with type badges; the type filter lives in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/streams");
  await expect(page.getByRole("heading", { level: 1, name: "Streams" })).toBeVisible();
  await expect(rowOf(page, "outbound").getByTestId("stream-type")).toHaveText("Transactional");
  await expect(rowOf(page, "inbound").getByTestId("stream-type")).toHaveText("Inbound");
  await expect(rowOf(page, "broadcast").getByTestId("stream-type")).toHaveText("Broadcast");
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Inbound" }).click();
  await expect(page).toHaveURL(/type=Inbound/);
  await expect(page.getByTestId("stream-row")).toHaveCount(1);
  await expect(rowOf(page, "inbound")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("stream-row")).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("creates, edits, archives and unarchives a stream; Postmark's refusals show as they are", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const id = `e2e-${testInfo.project.name}-${Date.now() % 100000}`;
  await page.goto("/streams");
  await expect(rowOf(page, "outbound")).toBeVisible();

  // Form checks first, then Postmark's 1230 for a duplicate ID.
  await page.getByRole("button", { name: "Create stream" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("ID").fill("Bad ID");
  await dialog.getByRole("button", { name: "Create stream" }).click();
  await expect(dialog.getByText("Letter first")).toBeVisible();
  await expect(dialog.getByText("A name is required.")).toBeVisible();
  await dialog.getByLabel("ID").fill("outbound");
  await dialog.getByLabel("Name").fill("Duplicate");
  await dialog.getByRole("button", { name: "Create stream" }).click();
  await expect(dialog.getByTestId("postmark-error")).toContainText("1230");
  await expect(dialog.getByTestId("postmark-error")).toContainText("already exists");
  await shot(page, testInfo, "create-error");

  await dialog.getByLabel("ID").fill(id);
  await dialog.getByLabel("Name").fill("E2E newsletter");
  await dialog.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Broadcast" }).click();
  await dialog.getByLabel("Description").fill("Made by the e2e suite");
  await dialog.getByRole("button", { name: "Create stream" }).click();
  await expect(dialog).toBeHidden();
  const row = rowOf(page, id);
  await expect(row).toContainText("E2E newsletter");
  await expect(row.getByTestId("stream-type")).toHaveText("Broadcast");
  await expect(row).toContainText("Unsubscribes: Postmark");

  await row.getByRole("button", { name: `Edit stream ${id}` }).click();
  await dialog.getByLabel("Name").fill("E2E weekly");
  await dialog.getByRole("combobox", { name: "Unsubscribe handling" }).click();
  await page.getByRole("option", { name: "Custom" }).click();
  await dialog.getByRole("button", { name: "Save stream" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("E2E weekly");
  await expect(row).toContainText("Unsubscribes: Custom");

  // Archive: confirm names the stream; then it leaves the list unless archived ones are shown.
  await row.getByRole("button", { name: `Archive stream ${id}` }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Archive stream ${id}?`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive stream" }).click();
  await expect(row).toHaveCount(0);
  await page.getByLabel("Show archived streams").click();
  await expect(page).toHaveURL(/archived=true/);
  await expect(row).toHaveAttribute("data-archived", "true");
  await row.getByRole("button", { name: `Unarchive stream ${id}` }).click();
  await expect(row).toHaveAttribute("data-archived", "false");

  // 1229: the default transactional stream cannot be archived.
  await rowOf(page, "outbound").getByRole("button", { name: "Archive stream outbound" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive stream" }).click();
  const alert = page.getByTestId("stream-action-error");
  await expect(alert.getByTestId("postmark-error")).toContainText("1229");
  await expect(alert.getByTestId("postmark-error")).toContainText("cannot be archived");
  await shot(page, testInfo, "archive-error");
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});
