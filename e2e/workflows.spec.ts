import { expect, test, type Page } from "@playwright/test";
import { ADMIN_PASSWORD, expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

const shot = (page: Page, project: string, name: string) =>
  page.screenshot({ path: `test-results/screens/${project}-workflows-${name}.png`, fullPage: false });

async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Creates a valid, enabled workflow through the API (for the phone tests). */
async function seedWorkflow(page: Page, baseURL: string, name: string): Promise<number> {
  const doc = {
    version: 1,
    name,
    trigger: {
      type: "bounce",
      conditions: { mode: "all", rules: [{ field: "Type", op: "equals", value: "HardBounce" }] },
    },
    steps: [
      {
        id: "activate",
        kind: "action",
        operationId: "bounces.activate",
        params: { bounceid: { $map: { from: "trigger", path: "ID" } } },
        approval: "auto",
      },
    ],
  };
  const res = await page.request.post("/api/workflows", { headers: { Origin: baseURL }, data: doc });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

test.describe("desktop", () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from a destructuring pattern
  test.beforeEach(({}, testInfo) => test.skip(isPhone(testInfo), "the canvas is for desktops"));

  test("build a workflow on the canvas, dry-run, save, enable, and see it act on a real bounce", async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page);
    const errors = watchConsole(page);
    await page.goto("/workflows");
    await page.getByRole("link", { name: "New workflow" }).click();
    await expect(page).toHaveURL(/\/workflows\/new/);
    const canvas = page.getByTestId("canvas");
    await expect(canvas.getByTestId("node-trigger")).toBeVisible();

    // The trigger from the palette, then an action dragged onto the canvas.
    await page.getByRole("searchbox", { name: "Search the palette" }).fill("bounce");
    await page.getByRole("button", { name: "Trigger: Bounce" }).click();
    await expect(page.getByLabel("When Postmark reports")).toContainText("Bounce");
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByLabel("Rule 1 field").fill("Type");
    await page.getByLabel("Rule 1 value").fill("HardBounce");
    await page.getByRole("searchbox", { name: "Search the palette" }).fill("activate a bounce");
    await page.locator('[data-operation="bounces.activate"]').dragTo(canvas, { targetPosition: { x: 300, y: 320 } });
    const node = canvas.getByTestId("node-activate");
    await expect(node).toBeVisible();
    await expect(node).toContainText("PUT");
    await expect(node).toContainText("write");
    await expect(node.getByTestId("approval-badge")).toHaveText("auto");
    // The required path parameter is missing: shown on the node, and enabling is blocked.
    await expect(node.getByTestId("node-problems")).toContainText("error");

    // Map bounceid from the event's ID with the data picker.
    const panel = page.getByTestId("side-panel");
    await panel.getByTestId("param-activate-params-bounceid").getByRole("button", { name: "Mapped" }).click();
    const picker = page.getByTestId("data-picker");
    await picker.getByRole("searchbox", { name: "Search fields" }).fill("ID");
    await shot(page, testInfo.project.name, "data-picker");
    await picker.locator('[data-field="ID"]').first().click();
    await expect(panel.getByTestId("mapping-label")).toHaveText("Event · ID");
    await expect(panel.getByTestId("mapping-preview")).toContainText("Sample:");
    await expect(node.getByTestId("node-problems")).toHaveCount(0);
    await page.getByLabel("Workflow name").fill(`Reactivate hard bounces ${Date.now()}`);
    await shot(page, testInfo.project.name, "editor");

    // Dry run on the sample event: the resolved request, and a status on the node.
    await page.getByRole("button", { name: "Test" }).click();
    const dialog = page.getByTestId("test-dialog");
    await dialog.getByRole("button", { name: "Dry run", exact: true }).click();
    await expect(dialog.getByTestId("dry-run-result")).toContainText("/bounces/");
    await expect(dialog.getByTestId("dry-run-result")).toContainText("/activate");
    await page.keyboard.press("Escape");
    await expect(node.getByTestId("node-run-status")).toContainText("would run");

    // Undo/redo the name, then save with the keyboard.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/workflows\/\d+$/);
    const id = Number(/\/workflows\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByText("v1", { exact: true })).toBeVisible();
    const enabled = page.getByRole("switch", { name: "Enabled" });
    await expect(enabled).toBeEnabled();
    await enabled.click();
    await expect(enabled).toBeChecked();

    // A real hard bounce from the sandbox: the workflow runs and reactivates it.
    const sent = await page.request.post("/api/postmark/email", {
      headers: { Origin: baseURL! },
      data: {
        From: "hello@lumenapp.io",
        To: "HardBounce@bounce-testing.postmarkapp.com",
        Subject: "Workflow e2e",
        TextBody: "x",
      },
    });
    expect(sent.status()).toBe(200);
    const run = await poll(async () => {
      const res = await page.request.get(`/api/runs?workflow=${id}`);
      const body = (await res.json()) as { runs: { id: number; status: string }[] };
      const done = body.runs.find((r) => r.status === "succeeded" || r.status === "failed");
      return done;
    });
    expect(run.status).toBe("succeeded");
    const detail = (await (await page.request.get(`/api/runs/${run.id}`)).json()) as { payload: { ID: number } };
    const bounce = (await (await page.request.get(`/api/postmark/bounces/${detail.payload.ID}`)).json()) as {
      Inactive: boolean;
    };
    expect(bounce.Inactive).toBe(false);

    await page.goto(`/runs/${run.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Run #${run.id}`);
    await expect(page.getByTestId("run-step").first()).toContainText("succeeded");
    await expect(page.getByTestId("run-step").first()).toContainText("/activate");
    await shot(page, testInfo.project.name, "run-detail");
    await page.goto("/workflows");
    await expect(page.getByTestId("workflow-row").first()).toBeVisible();
    await shot(page, testInfo.project.name, "list");
    await page.goto("/runs");
    await expect(page.getByTestId("run-row").first()).toBeVisible();
    await shot(page, testInfo.project.name, "runs");
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
  });

  test("a first-time user: every-event trigger, one address into Suppressions through the picker, approval policy in words", async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page);
    const errors = watchConsole(page);
    await page.goto("/workflows/new");
    const canvas = page.getByTestId("canvas");
    await page.getByRole("searchbox", { name: "Search the palette" }).fill("bounce");
    await page.getByRole("button", { name: "Trigger: Bounce" }).click();
    // No conditions: the editor says the workflow runs on every bounce, and counts the last day's.
    const scope = page.getByTestId("trigger-scope");
    await expect(scope).toContainText("every Bounce event");
    await expect(scope).toContainText(/\d+ Bounce events? arrived in the last day/);

    await page.getByRole("searchbox", { name: "Search the palette" }).fill("suppression");
    await page.locator('[data-operation="suppressions.create"]').dragTo(canvas, { targetPosition: { x: 300, y: 320 } });
    const panel = page.getByTestId("side-panel");
    const param = panel.locator('[data-testid^="param-"][data-testid$="-body-Suppressions"]');
    await param.getByRole("button", { name: "Mapped" }).click();
    const picker = page.getByTestId("data-picker");
    const wrap = picker.getByTestId("list-wrap");
    await expect(wrap.getByRole("checkbox", { name: "As a one-item list" })).toBeChecked();
    await expect(wrap.getByLabel("Item field")).toHaveValue("EmailAddress");
    await picker.getByRole("searchbox", { name: "Search fields" }).fill("Email");
    await shot(page, testInfo.project.name, "one-item-list");
    await picker.locator('[data-field="Email"]').first().click();
    await expect(param.getByTestId("mapping-label")).toHaveText("Event · Email");
    await expect(param.getByTestId("mapping-list-note")).toContainText(
      "As a one-item list, in each item's EmailAddress",
    );
    await expect(param.getByTestId("mapping-preview")).toContainText('"EmailAddress"');

    // The stream the suppression goes to, then the dry run sends Postmark the list it expects.
    await panel.locator('[data-testid^="param-"][data-testid$="-params-streamId"] input').fill("outbound");
    await page.getByRole("button", { name: "Test" }).click();
    const dialog = page.getByTestId("test-dialog");
    await dialog.getByRole("button", { name: "Dry run", exact: true }).click();
    // The request viewer shows the body folded: a list of one item under Suppressions.
    await expect(dialog.getByTestId("dry-run-result")).toContainText("/message-streams/outbound/suppressions");
    await expect(dialog.getByTestId("dry-run-result")).toContainText("Suppressions: [ 1 items ]");
    await page.keyboard.press("Escape");

    // Waiting for approval shows who may approve, and that the author may not.
    await panel.getByRole("combobox", { name: "Approval" }).click();
    await page.getByRole("option", { name: "Wait for approval" }).click();
    const note = panel.getByTestId("approval-note");
    await expect(note).toContainText("Who may approve");
    await expect(note).toContainText("may not approve its steps");
    await note.scrollIntoViewIfNeeded();
    await shot(page, testInfo.project.name, "approval-note");
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
  });

  test("an alert trigger: the alert's fields in the data picker, and a dry run sends its summary", async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page);
    const errors = watchConsole(page);
    await page.goto("/workflows/new");
    const canvas = page.getByTestId("canvas");
    await page.getByRole("searchbox", { name: "Search the palette" }).fill("alert");
    await page.getByRole("button", { name: "Trigger: Alert" }).click();
    await expect(canvas.getByTestId("node-trigger")).toContainText("Alert");
    const scope = page.getByTestId("trigger-scope");
    await expect(scope).toContainText("every Alert event");
    await expect(scope).toContainText(/\d+ Alert events? opened in the last day/);

    await page.getByRole("searchbox", { name: "Search the palette" }).fill("send a single email");
    await page
      .locator('[data-operation="email.send"]')
      .first()
      .dragTo(canvas, { targetPosition: { x: 300, y: 320 } });
    const panel = page.getByTestId("side-panel");
    await panel.locator('[data-testid$="-body-From"] input').first().fill("alerts@lumenapp.io");
    await panel.locator('[data-testid$="-body-To"] input').first().fill("oncall@lumenapp.io");
    await panel.locator('[data-testid$="-body-Subject"] input').first().fill("Mailroom alert");
    await panel.locator('[data-testid$="-body-TextBody"]').first().getByRole("button", { name: "Mapped" }).click();
    const picker = page.getByTestId("data-picker");
    await picker.getByRole("searchbox", { name: "Search fields" }).fill("Summary");
    await expect(picker.locator('[data-field="RuleName"]')).toHaveCount(0);
    await picker.locator('[data-field="Summary"]').first().click();
    await expect(panel.getByTestId("mapping-label")).toHaveText("Event · Summary");
    await shot(page, testInfo.project.name, "alert-trigger");

    await page.getByRole("button", { name: "Test" }).click();
    const dialog = page.getByTestId("test-dialog");
    await dialog.getByRole("button", { name: "Dry run", exact: true }).click();
    const result = dialog.getByTestId("dry-run-result");
    await expect(result).toContainText("/email");
    await expect(result).toContainText("Bounce rate (stream outbound) today");
    await page.keyboard.press("Escape");
    expect(errors).toEqual([]);
  });

  test("undo, redo, delete key, import errors and a template", async ({ page }, testInfo) => {
    await signIn(page);
    await page.goto("/workflows");
    await page.getByRole("button", { name: "From a template" }).first().click();
    await page.getByTestId("template-dialog").getByRole("link", { name: "Reactivate soft bounces" }).click();
    await expect(page).toHaveURL(/template=bounce-reactivate-soft/);
    await expect(page.getByLabel("Workflow name")).toHaveValue("Reactivate soft bounces");
    const canvas = page.getByTestId("canvas");
    const steps = canvas.locator(".react-flow__node");
    // The template is trigger + one action: wait until the canvas shows both before counting.
    await expect(canvas.getByTestId("node-reactivate")).toBeVisible();
    const before = await steps.count();
    expect(before).toBe(2);
    await page.locator('[data-operation="suppressions.create"]').click();
    await expect(steps).toHaveCount(before + 1);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(steps).toHaveCount(before);
    await page.keyboard.press("Control+Shift+Z");
    await expect(steps).toHaveCount(before + 1);
    await canvas.getByTestId("node-create").click();
    await page.keyboard.press("Delete");
    await expect(steps).toHaveCount(before);
    await shot(page, testInfo.project.name, "template");

    await page.getByTestId("import-input").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ version: 1, name: "", trigger: { type: "nope" }, steps: [] })),
    });
    const errs = page.getByTestId("import-errors");
    await expect(errs).toContainText("trigger.type");
    await page.keyboard.press("Escape");
    await expect(page.getByLabel("Workflow name")).toHaveValue("Reactivate soft bounces");
  });
});

test.describe("phone", () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from a destructuring pattern
  test.beforeEach(({}, testInfo) => test.skip(!isPhone(testInfo), "the phone layout"));

  test("list, enable and disable, a small edit, and a run", async ({ page, baseURL }, testInfo) => {
    await signIn(page);
    const name = `Phone workflow ${Date.now()}`;
    const id = await seedWorkflow(page, baseURL!, name);
    await page.goto("/workflows");
    const row = page.getByTestId("workflow-row").filter({ hasText: name });
    const toggle = row.getByRole("switch");
    await expect(toggle).not.toBeChecked();
    await toggle.click();
    await expect(toggle).toBeChecked();
    await shot(page, testInfo.project.name, "list");
    await expectNoHorizontalOverflow(page);
    await toggle.click();
    await expect(toggle).not.toBeChecked();

    await row.getByRole("link", { name }).click();
    await expect(page.getByTestId("step-list")).toBeVisible();
    await page.getByRole("button", { name: "Edit step activate" }).click();
    await expect(page.getByTestId("side-panel")).toBeVisible();
    await shot(page, testInfo.project.name, "panel");
    await page.getByLabel("Step name").fill("Reactivate");
    await page.getByRole("button", { name: "Close" }).click();
    await expect(page.getByTestId("node-activate")).toContainText("Reactivate");
    await shot(page, testInfo.project.name, "editor");
    await expectNoHorizontalOverflow(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("v2", { exact: true })).toBeVisible();

    // A run through a real test of the saved version.
    const res = await page.request.post(`/api/workflows/${id}/test`, {
      headers: { Origin: baseURL! },
      data: {
        event: {
          trigger: "bounce",
          payload: {
            RecordType: "Bounce",
            ID: 1,
            Type: "HardBounce",
            TypeCode: 1,
            MessageID: "x",
            Email: "a@b.c",
            BouncedAt: "2024-01-01T00:00:00Z",
          },
        },
        mode: "real",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const runId = ((await res.json()) as { run: { id: number } }).run.id;
    await page.goto("/runs");
    await page
      .getByTestId("run-row")
      .filter({ hasText: `#${runId}` })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Run #${runId}`);
    await expect(page.getByTestId("run-step").first()).toBeVisible();
    await shot(page, testInfo.project.name, "run-detail");
    await expectNoHorizontalOverflow(page);
  });
});

test("a workflow whose author was demoted is disabled, and the list and the editor say why", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name;
  await signIn(page);
  const operator = `wf-author-${project}-${Date.now() % 100000}`;
  const made = await page.request.post("/api/users", {
    headers: { Origin: baseURL! },
    data: { username: operator, password: ADMIN_PASSWORD, role: "operator" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const userId = ((await made.json()) as { user: { id: number } }).user.id;

  await page.context().clearCookies();
  await signIn(page, operator, ADMIN_PASSWORD);
  const name = `Authored by ${operator}`;
  const id = await seedWorkflow(page, baseURL!, name);
  const on = await page.request.post(`/api/workflows/${id}/enable`, { headers: { Origin: baseURL! } });
  expect(on.ok(), await on.text()).toBe(true);

  await page.context().clearCookies();
  await signIn(page);
  const demoted = await page.request.patch(`/api/users/${userId}`, {
    headers: { Origin: baseURL! },
    data: { role: "approver" },
  });
  expect(demoted.ok(), await demoted.text()).toBe(true);

  await page.goto("/workflows");
  const row = page.getByTestId("workflow-row").filter({ hasText: name });
  // The first answer after a navigation can be slow on a loaded machine; what follows is immediate.
  await expect(row.getByRole("switch")).not.toBeChecked({ timeout: 20_000 });
  await expect(row.getByTestId("workflow-disabled-reason")).toContainText(
    `its author ${operator} now acts as approver`,
  );
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "disabled-reason-list");

  await page.goto(`/workflows/${id}`);
  await expect(page.getByTestId("workflow-disabled-reason")).toContainText(
    "Someone whose role allows every step must save it again",
    { timeout: 20_000 },
  );
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "disabled-reason-editor");
});
