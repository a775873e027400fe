import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/activity-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("outbound messages load, a filter lives in the URL, and a message opens with its HTML sandboxed", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expect(page.getByTestId("outbound-row").first()).toBeVisible();
  await shot(page, testInfo, "outbound");

  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Queued" }).click();
  await expect(page).toHaveURL(/status=queued/);
  await expect(page.getByTestId("activity-list")).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Any status" }).click();
  await page.getByLabel("Subject").fill("zz no such subject");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/subject=zz/);
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("outbound-row").first()).toBeVisible();

  await page.getByTestId("outbound-row").first().getByRole("button").first().click();
  await expect(page).toHaveURL(/message=/);
  const panel = page.getByTestId("message-detail");
  await expect(panel.getByTestId("message-timeline").or(panel.getByText("No events yet."))).toBeVisible();
  await shot(page, testInfo, "detail");
  await panel.getByRole("tab", { name: "Content" }).click();
  const frame = panel.getByTestId("email-frame");
  if (await frame.count()) {
    await expect(frame).toHaveAttribute("sandbox", "");
    expect(await frame.getAttribute("srcdoc")).toBeTruthy();
  }
  await panel.getByRole("tab", { name: "SMTP dump" }).click();
  await expect(panel.locator('pre[aria-label="SMTP dump"]').or(panel.getByText("No dump is available"))).toBeVisible();
  await panel.getByRole("tab", { name: "Opens & clicks" }).click();
  await expect(panel.getByRole("heading", { name: /^Opens/ })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});

test("blocked inbound mail can be bypassed after a confirm, and leaves the blocked list", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/activity?tab=inbound&status=blocked");
  const rows = page.getByTestId("inbound-row");
  await expect(rows.first()).toBeVisible();
  for (const s of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))))
    expect(s).toBe("Blocked");
  await shot(page, testInfo, "inbound");
  const before = await page.getByTestId("pager").textContent();
  const subject = (await rows.first().getByRole("button").first().textContent())!.trim();

  await rows.first().getByRole("button", { name: "Bypass" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Bypass the block on");
  await expect(dialog).toContainText(subject);
  await dialog.getByRole("button", { name: "Bypass" }).click();
  await expect(page.getByTestId("pager")).not.toHaveText(before!);
  await expectNoHorizontalOverflow(page);

  await page.getByRole("tab", { name: "Opens" }).click();
  await expect(page).toHaveURL(/tab=opens/);
  await expect(page.getByTestId("opens-row").first()).toBeVisible({ timeout: 15_000 });
  expect(unexpected(errors)).toEqual([]);
});

test("an unknown message shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/activity?message=00000000-no-such-message&kind=outbound");
  const error = page.getByTestId("message-detail").getByTestId("postmark-error");
  await expect(error).toContainText("ErrorCode");
  await expect(error).toContainText("701");
  expect(unexpected(errors)).toEqual([]);
});

test("a metadata filter and an inbound mailbox hash search as Postmark takes them and survive a reload", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const value = `run-${testInfo.project.name}-${Date.now()}`;
  const subject = `Metadata e2e ${value}`;
  const sent = await page.request.post("/api/postmark/email", {
    data: {
      From: "hello@lumenapp.io",
      To: `metadata-e2e-${testInfo.project.name}@example.com`,
      Subject: subject,
      TextBody: "Hello",
      Metadata: { e2erun: value },
    },
  });
  expect(sent.status()).toBe(200);

  await page.goto("/activity");
  await expect(page.getByText(/Dates are days in US Eastern time/)).toBeVisible();
  // A key without a value is refused by the contract's own schema, before any search.
  await page.getByLabel("Metadata key").fill("e2erun");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Metadata value" })).toBeVisible();
  await expect(page).not.toHaveURL(/metaKey=/);
  await page.getByLabel("Metadata value").fill(value);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/metaKey=e2erun/);
  await expect(page).toHaveURL(new RegExp(`metaValue=${value}`));
  const rows = page.getByTestId("outbound-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(subject);
  await expect(rows.first().locator("time").first()).toContainText("ET");
  await shot(page, testInfo, "metadata");

  await page.reload();
  await expect(page.getByLabel("Metadata key")).toHaveValue("e2erun");
  await expect(page.getByLabel("Metadata value")).toHaveValue(value);
  await expect(rows).toHaveCount(1);
  await expectNoHorizontalOverflow(page);

  // Inbound: a mailbox hash the server's own data holds, and every row shown carries it.
  const inbound = (await (await page.request.get("/api/postmark/messages/inbound?count=200&offset=0")).json()) as {
    InboundMessages: { MailboxHash: string | null }[];
  };
  const hash = inbound.InboundMessages.map((m) => m.MailboxHash).find((h): h is string => !!h)!;
  expect(hash).toBeTruthy();
  const matching = (await (
    await page.request.get(`/api/postmark/messages/inbound?count=1&offset=0&mailboxhash=${encodeURIComponent(hash)}`)
  ).json()) as { TotalCount: number };
  await page.getByRole("tab", { name: "Inbound" }).click();
  await expect(page.getByLabel("Metadata key")).toHaveCount(0);
  await page.getByLabel("Mailbox hash").fill(hash);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`mailboxHash=${hash}`));
  await expect(page.getByTestId("inbound-row")).toHaveCount(Math.min(matching.TotalCount, 50));
  await page.reload();
  await expect(page.getByLabel("Mailbox hash")).toHaveValue(hash);
  await expect(page.getByTestId("inbound-row")).toHaveCount(Math.min(matching.TotalCount, 50));
  await shot(page, testInfo, "mailbox-hash");
  expect(unexpected(errors)).toEqual([]);
});

test("opens and clicks export as CSV through a server job, every row the sandbox holds", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page);
  const errors = watchConsole(page);
  for (const tab of ["opens", "clicks"] as const) {
    const total = (
      (await (await page.request.get(`/api/postmark/messages/outbound/${tab}?count=1&offset=0`)).json()) as {
        TotalCount: number;
      }
    ).TotalCount;
    expect(total).toBeGreaterThan(0);
    await page.goto(`/activity?tab=${tab}`);
    await expect(page.getByTestId(`${tab}-row`).first()).toBeVisible({ timeout: 15_000 });
    await page.getByRole("button", { name: `Export all matching ${tab} as CSV` }).click();
    const card = page.getByTestId("job-card");
    await expect(card.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    // Messages sent by other tests may still be opened and clicked meanwhile: at least every row
    // there was when asked, and the file holds exactly the rows the job counted.
    await expect(card.getByTestId("export-rows")).toHaveAttribute("data-rows", /^\d+$/);
    const rows = Number(await card.getByTestId("export-rows").getAttribute("data-rows"));
    expect(rows).toBeGreaterThanOrEqual(total);
    const file = await page.request.get((await card.getByTestId("job-download").getAttribute("href"))!);
    const lines = (await file.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^ReceivedAt,Recipient,MessageID,/);
    expect(lines).toHaveLength(rows + 1);
    await shot(page, testInfo, `${tab}-export`);
  }
  await expectNoHorizontalOverflow(page);
  expect(unexpected(errors)).toEqual([]);
});
