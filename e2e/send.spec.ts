import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

/** The browser reports that it blocked a script inside the sandboxed preview: proof of the sandbox, not an app error. */
const appErrors = (errors: string[]) => errors.filter((e) => !/Blocked script execution in 'about:srcdoc'/.test(e));

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/send-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** A confirmed sender signature of the seeded account, read through the API (never hard-coded). */
async function confirmedFrom(page: Page): Promise<string> {
  const res = await page.request.get("/api/postmark/senders?count=100&offset=0");
  expect(res.ok(), await res.text()).toBe(true);
  const body = (await res.json()) as { SenderSignatures: { EmailAddress: string; Confirmed: boolean }[] };
  const s = body.SenderSignatures.find((x) => x.Confirmed);
  if (!s) throw new Error("The seeded account has no confirmed sender signature");
  return s.EmailAddress;
}

async function fillEnvelope(page: Page, prefix: "compose" | "template", to: string) {
  await page.locator(`#${prefix}-From`).fill(await confirmedFrom(page));
  await page.locator(`#${prefix}-To`).fill(to);
}

test("compose, preview in a sandboxed iframe, send, and see the MessageID", async ({ page }, testInfo) => {
  test.slow(); // several sends and renders against the sandbox on a shared machine
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
  await page.locator("#compose-Cc").fill("carol@example.com");
  await page.locator("#compose-Bcc").fill("bob@example.com");
  await page.locator("#compose-Subject").fill("Hello from the e2e suite");
  await page.locator("#compose-Tag").fill("e2e");
  await page.getByRole("button", { name: "Add metadata" }).click();
  await page.getByLabel("Metadata key 1").fill("order-id");
  await page.getByLabel("Metadata value 1").fill("42");
  await page.getByRole("button", { name: "Add a header" }).click();
  await page.getByLabel("Header name 1").fill("X-Campaign");
  await page.getByLabel("Header value 1").fill("spring");
  await page.locator("#compose-TrackLinks").click();
  await page.getByRole("option", { name: "HTML and text" }).click();
  await page
    .getByLabel("Attach files")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("x".repeat(3000)) });
  await expect(page.getByTestId("attachment-row")).toContainText("notes.txt");
  await expect(page.getByTestId("attachment-row")).toContainText("3.0 kB");
  await expect(page.getByTestId("compose-Attachments-total")).toContainText("4.0 kB encoded of 10.00 MB");
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
  // What Postmark stored: the metadata, header, Cc and attachment all arrived.
  const id = (await page.getByTestId("send-message-id").textContent())!;
  const details = (await (await page.request.get(`/api/postmark/messages/outbound/${id}/details`)).json()) as Record<
    string,
    unknown
  >;
  expect(details.Metadata).toEqual({ "order-id": "42" });
  expect(JSON.stringify(details)).toContain("carol@example.com");
  expect(JSON.stringify(details.Attachments)).toContain("notes.txt");
  await expect(success.getByRole("link", { name: "Open the Activity page" })).toHaveAttribute("href", "/activity");
  await success.scrollIntoViewIfNeeded();
  await shot(page, testInfo, "compose");
  await expectNoHorizontalOverflow(page);
  expect(appErrors(errors)).toEqual([]);
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

test("an attachment over Postmark's limit, or of a forbidden type, is refused before sending", async ({
  page,
}, testInfo) => {
  test.slow(); // several sends and renders against the sandbox on a shared machine
  await signIn(page);
  await page.goto("/send");
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/postmark/email")) posted = true;
  });
  await fillEnvelope(page, "compose", "ada@example.com");
  await page.locator("#compose-HtmlBody").fill("<p>Big file</p>");
  // 7.6 MB is 10.1 MB once base64-encoded: over the 10 MB per message.
  await page
    .getByLabel("Attach files")
    .setInputFiles({ name: "video.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(7_600_000, 1) });
  await expect(page.getByTestId("compose-Attachments-total")).toContainText("10.13 MB encoded of 10.00 MB");
  await expect(page.getByText("Over Postmark's limit")).toBeVisible();
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.locator("#compose-Attachments-error")).toContainText("Postmark accepts at most 10.00 MB");
  await page.locator("#compose-Attachments-error").scrollIntoViewIfNeeded();
  await shot(page, testInfo, "attachment-limit");
  await page.getByRole("button", { name: "Remove video.mp4" }).click();
  await page
    .getByLabel("Attach files")
    .setInputFiles({ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.locator("#compose-Attachments-error")).toContainText("setup.exe");
  expect(posted).toBe(false);
});

test("send with a template: the model is a form (lists included), with a JSON view, a preview, and a send", async ({
  page,
}, testInfo) => {
  test.slow(); // several sends and renders against the sandbox on a shared machine
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/send");
  await page.getByRole("tab", { name: "With a template" }).click();
  await expect(page).toHaveURL(/mode=template/);
  await page.locator("#template-pick").click();
  await page.getByRole("option", { name: /Receipt/ }).click();
  await expect(page).toHaveURL(/template=receipt/);
  const form = page.getByTestId("template-model-form");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("template-subject")).not.toContainText("—");

  // A plain field, and a list built from the suggested model's item shape.
  await form.getByLabel("Name", { exact: true }).fill("Zed-Render-Check");
  const list = page.getByTestId("model-receipt_details-list");
  const before = await list.getByRole("button", { name: /^Remove Receipt details/ }).count();
  await list.getByRole("button", { name: "Add to receipt details" }).click();
  await expect(list.getByRole("button", { name: /^Remove Receipt details/ })).toHaveCount(before + 1);
  await list.getByLabel("Description").last().fill("Extra-Line-Item");
  await page.getByRole("button", { name: "Render preview" }).click();
  await expect(page.getByTestId("send-html-preview")).toHaveAttribute("srcdoc", /Zed-Render-Check/);
  await expect(page.getByTestId("send-html-preview")).toHaveAttribute("srcdoc", /Extra-Line-Item/);

  // The JSON view shows the same model; a broken edit keeps the person in the JSON view.
  await page.getByRole("tab", { name: "JSON" }).click();
  const json = page.getByLabel("Template model (JSON)");
  await expect(json).toHaveValue(/Extra-Line-Item/);
  await json.fill("{ broken");
  await page.getByRole("tab", { name: "Form" }).click();
  await expect(page.locator("#template-model-error")).toContainText("Not valid JSON");
  await json.fill(JSON.stringify({ name: "From-Json-View", receipt_details: [{ description: "One", amount: "1" }] }));
  await page.getByRole("tab", { name: "Form" }).click();
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("From-Json-View");

  await fillEnvelope(page, "template", "grace@example.com");
  await page.getByRole("button", { name: "Send with template" }).click();
  await expect(page.getByTestId("send-success")).toBeVisible();
  await expect(page.getByTestId("send-message-id")).toHaveText(/[0-9a-f-]{36}/);
  await form.scrollIntoViewIfNeeded();
  await shot(page, testInfo, "template");
  await expectNoHorizontalOverflow(page);
  expect(appErrors(errors)).toEqual([]);
});

test("a viewer sees the send form disabled, with the reason", async ({ page, baseURL }) => {
  test.slow(); // several sends and renders against the sandbox on a shared machine
  await signIn(page);
  const username = `sendviewer${Date.now()}`;
  const created = await page.request.post("/api/users", {
    headers: { Origin: baseURL! },
    data: { username, password: "viewer-password-1", role: "viewer" },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  await page.request.post("/api/auth/logout", { headers: { Origin: baseURL! } });
  await page.context().clearCookies();
  await signIn(page, username, "viewer-password-1");
  await page.goto("/send");
  await expect(page.getByTestId("role-reason")).toContainText("viewer");
  await expect(page.getByRole("button", { name: "Send message" })).toBeDisabled();
  await expect(page.locator("#compose-To")).toBeDisabled();
});

test("an unknown template id shows Postmark's ErrorCode and Message", async ({ page }) => {
  await signIn(page);
  await page.goto("/send?mode=template&template=987654321");
  const err = page.getByTestId("postmark-error").first();
  await expect(err).toContainText("1101");
  await expect(err).toContainText("not valid or was not found");
});

/** Suppresses a fresh address on a stream of the default server, so Postmark refuses it (406) or fails it. */
async function suppressed(page: Page, stream: string, label: string): Promise<string> {
  const address = `e2e-${label}-${Date.now()}@example.com`;
  const res = await page.request.post(`/api/postmark/message-streams/${stream}/suppressions`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { Suppressions: [{ EmailAddress: address }] },
  });
  expect(res.status(), await res.text()).toBe(200);
  return address;
}

test("batch: a CSV is mapped, previewed and validated (a bad address is left out with its reason); Postmark's refusal comes back with its ErrorCode; results download", async ({
  page,
}, testInfo) => {
  test.slow(); // several sends and renders against the sandbox on a shared machine
  await signIn(page);
  const errors = watchConsole(page);
  const from = await confirmedFrom(page);
  const inactive = await suppressed(page, "outbound", `batch-${testInfo.project.name}`);
  await page.goto("/send?mode=batch");
  await page.locator("#batch-From").fill(from);
  await page.locator("#batch-TextBody").fill("Hello from a batch");
  const csv = `email,Subject,order id\r\nada@example.com,"Hi, Ada",A-1\r\nnot-an-address,Hi,A-2\r\ngrace@example.com,Hi Grace,A-3\r\n,No one,A-4\r\n${inactive},Hi,A-5\r\n`;
  await page
    .getByLabel("Batch file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("batch-file")).toContainText("people.csv: 5 messages");
  const mapping = page.getByTestId("batch-mapping");
  await expect(mapping.getByLabel("Column email goes to")).toContainText("To");
  await expect(mapping.getByLabel("Column order id goes to")).toContainText("Metadata");
  await expect(page.getByTestId("batch-preview-row").first()).toContainText("ada@example.com · Hi, Ada");
  // The validation pass: row 2's address is not an address, row 4 has no recipient; both are left out.
  await expect(page.getByTestId("batch-validation")).toContainText("3 ready");
  await expect(page.getByTestId("batch-validation")).toContainText("2 with problems");
  await expect(page.getByTestId("batch-preview-row").nth(1)).toContainText(
    "To: 'not-an-address' is not an email address.",
  );
  await expect(page.getByTestId("batch-preview-row").nth(3)).toContainText("To: missing.");
  await page.getByRole("button", { name: "Send 3 messages" }).click();
  await expect(page.getByTestId("batch-summary")).toContainText("2 accepted, 1 refused, 2 left out");
  const rows = page.getByTestId("batch-result-row");
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText(/[0-9a-f-]{36}/);
  await expect(rows.nth(1)).toHaveAttribute("data-outcome", "left out");
  await expect(rows.nth(1)).toContainText("Not sent: To: 'not-an-address' is not an email address.");
  await expect(rows.nth(3)).toContainText("Not sent: To: missing.");
  await expect(rows.nth(4)).toHaveAttribute("data-outcome", "refused");
  await expect(rows.nth(4)).toContainText("ErrorCode 406");
  await page.getByTestId("batch-results").scrollIntoViewIfNeeded();
  await shot(page, testInfo, "batch");
  await expectNoHorizontalOverflow(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download results (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("batch-results.csv");
  const text = await (await file.createReadStream()).toArray();
  const csvOut = Buffer.concat(text).toString("utf8");
  expect(csvOut.split("\r\n")[0]).toBe("Row,To,Outcome,MessageID,ErrorCode,Message");
  expect(csvOut).toContain("\r\n2,not-an-address,left out,,,To: 'not-an-address' is not an email address.\r\n");
  expect(csvOut).toContain("\r\n4,,left out,,,To: missing.\r\n");
  expect(csvOut).toContain(`\r\n5,${inactive},refused,,406,`);
  expect(appErrors(errors)).toEqual([]);
});

test("batch: a JSON file that is not a list of messages is refused with a reason", async ({ page }) => {
  await signIn(page);
  await page.goto("/send?mode=batch");
  await page
    .getByLabel("Batch file")
    .setInputFiles({ name: "batch.json", mimeType: "application/json", buffer: Buffer.from('{"To":"a@example.com"}') });
  await expect(page.getByTestId("batch-file-errors")).toContainText('an object with a "Messages" array');
  await expect(page.getByRole("button", { name: /^Send 0 messages/ })).toBeDisabled();
});

test("bulk: an invalid recipient is refused up front; a valid request is followed to completion with its counts", async ({
  page,
}, testInfo) => {
  test.slow(); // several sends and renders against the sandbox on a shared machine
  await signIn(page);
  const from = await confirmedFrom(page);
  await page.goto("/send?mode=bulk");
  // Validation first: a stream and recipients are required.
  await page.getByRole("button", { name: "Send bulk message" }).click();
  await expect(page.locator("#bulk-MessageStream-error")).toContainText("broadcast stream");
  await page.locator("#bulk-From").fill(from);
  await page.locator("#bulk-MessageStream").click();
  await page
    .getByRole("option", { name: /Broadcasts/ })
    .first()
    .click();
  await page.locator("#bulk-Subject").fill("Spring news");
  await page.locator("#bulk-TextBody").fill("Our spring news.");
  // Postmark checks every message of a bulk request before accepting it: a bad address refuses it all.
  await page.locator("#bulk-Recipients").fill("ada@example.com\ngrace@example.com\nnot-an-address");
  await page.getByRole("button", { name: "Send bulk message" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page.getByTestId("bulk-error").getByTestId("postmark-error")).toContainText("not-an-address");
  // From here on the page must log no error (the refusal above logs its 422 by design).
  const errors = watchConsole(page);
  await page.locator("#bulk-Recipients").fill("ada@example.com\ngrace@example.com");
  await page.getByRole("button", { name: "Send bulk message" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/bulk=/);
  await expect(page.getByTestId("bulk-state")).toHaveText("Completed");
  await expect(page.getByTestId("bulk-total")).toHaveText("2");
  await expect(page.getByTestId("bulk-released")).toHaveText("2");
  await expect(page.getByTestId("bulk-failed")).toHaveText("0");
  await page.getByTestId("bulk-status").scrollIntoViewIfNeeded();
  await shot(page, testInfo, "bulk");
  await expectNoHorizontalOverflow(page);
  // The request is followed from the URL: a reload shows it again.
  await page.reload();
  await expect(page.getByTestId("bulk-state")).toHaveText("Completed");
  expect(appErrors(errors)).toEqual([]);
});

test("bulk: an accepted request whose status reports failures shows the warning", async ({ page }, testInfo) => {
  test.slow(); // a bulk request is followed to completion against the sandbox
  await signIn(page);
  const errors = watchConsole(page);
  const from = await confirmedFrom(page);
  // A recipient suppressed on every broadcast stream: Postmark accepts the request, then counts it as failed.
  const streams = await page.request.get("/api/postmark/message-streams?MessageStreamType=Broadcasts");
  expect(streams.ok(), await streams.text()).toBe(true);
  const ids = ((await streams.json()) as { MessageStreams: { ID: string }[] }).MessageStreams.map((m) => m.ID);
  expect(ids.length).toBeGreaterThan(0);
  const label = `bulkfail-${testInfo.project.name}-${Date.now()}`;
  const inactive = `e2e-${label}@example.com`;
  for (const id of ids) {
    const res = await page.request.post(`/api/postmark/message-streams/${id}/suppressions`, {
      headers: { Origin: new URL(page.url()).origin },
      data: { Suppressions: [{ EmailAddress: inactive }] },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await page.goto("/send?mode=bulk");
  await page.locator("#bulk-From").fill(from);
  await page.locator("#bulk-MessageStream").click();
  await page
    .getByRole("option", { name: /Broadcasts/ })
    .first()
    .click();
  await page.locator("#bulk-Subject").fill("Autumn news");
  await page.locator("#bulk-TextBody").fill("Our autumn news.");
  await page.locator("#bulk-Recipients").fill(`ada@example.com\n${inactive}`);
  await page.getByRole("button", { name: "Send bulk message" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page.getByTestId("bulk-state")).toHaveText("Completed");
  await expect(page.getByTestId("bulk-total")).toHaveText("2");
  await expect(page.getByTestId("bulk-released")).toHaveText("1");
  await expect(page.getByTestId("bulk-failed")).toHaveText("1");
  await expect(page.getByTestId("bulk-failed-warning")).toContainText("Postmark could not send 1 of 2 messages");
  await expectNoHorizontalOverflow(page);
  expect(appErrors(errors)).toEqual([]);
});

test("compose: more than 50 recipients across To, Cc and Bcc are refused before sending", async ({ page }) => {
  await signIn(page);
  await page.goto("/send");
  const list = (n: number, domain: string) => Array.from({ length: n }, (_, i) => `r${i}@${domain}`).join(", ");
  await fillEnvelope(page, "compose", list(30, "example.com"));
  await page.locator("#compose-Cc").fill(list(21, "cc.example.com"));
  await page.getByRole("tab", { name: "Text body" }).click();
  await page.locator("#compose-TextBody").fill("Hi");
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/postmark/email")) posted = true;
  });
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.locator("#compose-To-error")).toContainText(
    "To, Cc and Bcc hold 51 recipients together; Postmark accepts at most 50 per message.",
  );
  expect(posted).toBe(false);
});

test("bulk: a request Postmark refuses shows its ErrorCode", async ({ page }) => {
  await signIn(page);
  await page.goto("/send?mode=bulk");
  await page.locator("#bulk-From").fill("nobody-at-all");
  await page.locator("#bulk-MessageStream").click();
  await page
    .getByRole("option", { name: /Broadcasts/ })
    .first()
    .click();
  await page.locator("#bulk-TextBody").fill("x");
  await page.locator("#bulk-Recipients").fill("ada@example.com");
  await page.getByRole("button", { name: "Send bulk message" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page.getByTestId("bulk-error").getByTestId("postmark-error")).toContainText("300");
});
