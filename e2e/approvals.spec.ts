import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_PASSWORD, expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

const shot = (page: Page, project: string, name: string) =>
  page.screenshot({ path: `test-results/screens/${project}-approvals-${name}.png`, fullPage: false });

async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 300));
  }
}

interface Item {
  id: number;
  status: string;
  reason: string | null;
  blastRadius: { addresses: string[] };
}

/** A workflow that suppresses a soft-bounced address on its stream, always after one person approves. */
async function seedWorkflow(request: APIRequestContext, origin: string, marker: string): Promise<number> {
  const doc = {
    version: 1,
    name: `Suppress soft bounces (${marker})`,
    trigger: {
      type: "bounce",
      conditions: { mode: "all", rules: [{ field: "Email", op: "contains", value: marker }] },
    },
    steps: [
      {
        id: "suppress",
        kind: "action",
        operationId: "suppressions.create",
        params: { streamId: { $map: { from: "trigger", path: "MessageStream" } } },
        body: { Suppressions: [{ EmailAddress: { $map: { from: "trigger", path: "Email" } } }] },
        approval: "required",
        approvalPolicy: { approvers: 1 },
      },
    ],
  };
  const res = await request.post("/api/workflows", { headers: { Origin: origin }, data: doc });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { id: number }).id;
  const on = await request.post(`/api/workflows/${id}/enable`, { headers: { Origin: origin } });
  expect(on.ok(), await on.text()).toBe(true);
  return id;
}

/** A real soft bounce from the sandbox (Postmark's X-PM-Bounce-Type header), which the workflow turns into an item. */
async function bounce(request: APIRequestContext, origin: string, to: string): Promise<void> {
  const res = await request.post("/api/postmark/email", {
    headers: { Origin: origin },
    data: {
      From: "hello@lumenapp.io",
      To: to,
      Subject: "Approvals e2e",
      TextBody: "x",
      Headers: [{ Name: "X-PM-Bounce-Type", Value: "SoftBounce" }],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
}

async function itemFor(request: APIRequestContext, address: string): Promise<Item> {
  return poll(async () => {
    const body = (await (await request.get("/api/approvals?status=pending")).json()) as { approvals: Item[] };
    return body.approvals.find((a) => a.blastRadius.addresses.includes(address));
  });
}

async function createApprover(request: APIRequestContext, origin: string, username: string): Promise<void> {
  const res = await request.post("/api/users", {
    headers: { Origin: origin },
    data: { username, password: ADMIN_PASSWORD, role: "approver" },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function seedItems(page: Page, origin: string, tag: string) {
  const marker = `e2e-${tag}-${Date.now()}`;
  const a = `${marker}-a@example.com`;
  const b = `${marker}-b@example.com`;
  await signIn(page);
  await seedWorkflow(page.request, origin, marker);
  const approver = `approver-${tag}-${Date.now() % 100000}`;
  await createApprover(page.request, origin, approver);
  await bounce(page.request, origin, a);
  await bounce(page.request, origin, b);
  const itemA = await itemFor(page.request, a);
  const itemB = await itemFor(page.request, b);
  return { a, b, itemA, itemB, approver };
}

async function switchUser(page: Page, username: string, password = ADMIN_PASSWORD) {
  await page.context().clearCookies();
  await signIn(page, username, password);
}

async function approveOnScreen(page: Page) {
  await page.getByTestId("decision-bar").getByRole("button", { name: "Approve…" }).click();
  const confirm = page.getByTestId("approve-confirm");
  await expect(confirm).toBeVisible();
  const yes = confirm.getByRole("button", { name: /Yes, approve/ });
  // The confirm button arms after a beat, so the tap that opened the sheet cannot approve.
  await expect(yes).toBeEnabled();
  await yes.click();
}

test("phone: an approver approves one queued suppression and rejects another", async ({ page, baseURL }, testInfo) => {
  test.skip(!isPhone(testInfo), "the phone flow");
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { a, b, itemA, itemB, approver } = await seedItems(page, baseURL!, "phone");

  await switchUser(page, approver);
  const errors = watchConsole(page);
  await page.goto("/approvals");
  await expect(page.getByTestId("approval-card").first()).toBeVisible();
  await expect(page.getByTestId("approvals-list")).toContainText(`Suppress ${a}`);
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "list");

  await page.goto(`/approvals/${itemA.id}?status=pending`);
  await expect(page.getByTestId("approval-headline")).toContainText(`Suppress ${a} on stream outbound`);
  await expect(page.getByTestId("decision-bar")).toBeInViewport();
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "item");

  // Swipe between items: the arrows do what a swipe does.
  await page
    .getByRole("button", { name: "Next item" })
    .or(page.getByRole("button", { name: "Previous item" }))
    .and(page.locator(":enabled"))
    .first()
    .click();
  await expect(page).not.toHaveURL(new RegExp(`/approvals/${itemA.id}\\?`));
  await page.goto(`/approvals/${itemA.id}?status=pending`);

  await approveOnScreen(page);
  // The action took effect in the sandbox: the address is on the stream's suppression list.
  await poll(async () => {
    const dump = (await (
      await page.request.get("/api/postmark/message-streams/outbound/suppressions/dump")
    ).json()) as { Suppressions: { EmailAddress: string }[] };
    return dump.Suppressions.some((s) => s.EmailAddress.toLowerCase() === a.toLowerCase()) ? true : undefined;
  });
  const decided = (await (await page.request.get(`/api/approvals/${itemA.id}`)).json()) as Item & {
    decidedBy: string;
    outcome: string;
  };
  expect(decided.status).toBe("approved");
  expect(decided.decidedBy).toBe(approver);
  expect(decided.outcome).toBe("succeeded");

  await page.goto(`/approvals/${itemB.id}?status=pending`);
  await expect(page.getByTestId("approval-headline")).toContainText(b);
  await page.getByTestId("decision-bar").getByRole("button", { name: "Reject" }).click();
  const dialog = page.getByTestId("reject-dialog");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog).toContainText("Say why");
  await dialog.getByLabel("Reason (required)").fill("Soft bounces clear on their own");
  await shot(page, project, "reject");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await poll(async () => {
    const it = (await (await page.request.get(`/api/approvals/${itemB.id}`)).json()) as Item;
    return it.status === "rejected" ? it : undefined;
  }).then((it) => expect(it.reason).toBe("Soft bounces clear on their own"));

  await page.goto(`/approvals?status=approved`);
  await expect(page.getByTestId("approvals-list")).toContainText(a);
  await shot(page, project, "approved-tab");

  await page.goto("/settings?tab=notifications");
  await expect(page.getByTestId("notifications-panel")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "notifications");
  // Until the server's notification routes land, the panel shows their 404 (the console logs it too).
  const prefs = await page.request.get("/api/notifications/preferences");
  expect(prefs.status() === 404 ? errors.filter((e) => !e.includes("404")) : errors).toEqual([]);
});

test("desktop: approve on screen, then the audit page shows the decision and an intact chain", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(isPhone(testInfo), "the desktop flow");
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { a, itemA, approver } = await seedItems(page, baseURL!, "desk");
  await switchUser(page, approver);
  const errors = watchConsole(page);
  await page.goto("/approvals");
  await expect(page.getByTestId("approvals-list")).toContainText(a);
  await shot(page, project, "list");
  await page.getByTestId("approvals-list").getByText(`Suppress ${a}`).click();
  await expect(page).toHaveURL(new RegExp(`/approvals/${itemA.id}`));
  await expect(page.getByTestId("approval-request")).toContainText("POST");
  await shot(page, project, "item");
  await approveOnScreen(page);
  await poll(async () => {
    const it = (await (await page.request.get(`/api/approvals/${itemA.id}`)).json()) as Item;
    return it.status === "approved" ? it : undefined;
  });
  expect(errors).toEqual([]);

  await switchUser(page, "admin");
  const verify = await page.request.get("/api/audit/verify");
  test.skip(verify.status() === 404, "the audit API has not landed on the server yet");
  await page.goto(`/audit?target=approval:${itemA.id}`);
  await expect(page.getByTestId("audit-chain")).toHaveAttribute("data-intact", "true");
  await expect(page.getByTestId("audit-chain")).toContainText("Chain intact");
  await expect(page.getByTestId("audit-list")).toContainText("approval.approve");
  await expect(page.getByTestId("audit-list")).toContainText(approver);
  await shot(page, project, "audit");
});

test("edited request: an operator's edit is not an approval; the queue and another approver see it marked edited, with its diff", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { a, itemA, approver } = await seedItems(page, baseURL!, `edit-${project}`);
  const operator = `operator-${project}-${Date.now() % 100000}`;
  const made = await page.request.post("/api/users", {
    headers: { Origin: baseURL! },
    data: { username: operator, password: ADMIN_PASSWORD, role: "operator" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const edited = a.replace("-a@", "-edited@");

  // The approver may not edit a write step: the button says why.
  await switchUser(page, approver);
  await page.goto(`/approvals/${itemA.id}?status=pending`);
  // The first answer after a navigation can be slow on a loaded machine.
  const loaded = { timeout: 20_000 };
  await expect(page.getByTestId("edit-blocked")).toContainText(
    "Editing needs a role that may call write operations",
    loaded,
  );
  await expect(page.getByRole("button", { name: "Edit the request" })).toBeDisabled();

  await switchUser(page, operator);
  await page.goto(`/approvals/${itemA.id}?status=pending`);
  await expect(page.getByRole("button", { name: "Edit the request" })).toBeEnabled(loaded);
  await page.getByRole("button", { name: "Edit the request" }).click();
  const dialog = page.getByTestId("edit-dialog");
  await expect(dialog).toContainText("Saving an edit is not an approval");
  await dialog.getByLabel("Body").fill(JSON.stringify({ Suppressions: [{ EmailAddress: edited }] }, null, 2));
  await dialog.getByRole("button", { name: "Save the edit for approval" }).click();
  await expect(page.getByTestId("approval-edited")).toBeVisible(loaded);
  // Nothing ran: the item is pending, and its editor may not approve it.
  await expect(page.getByTestId("decision-blocked")).toContainText("You edited this request");
  expect(((await (await page.request.get(`/api/approvals/${itemA.id}`)).json()) as Item).status).toBe("pending");

  await switchUser(page, approver);
  // Watched from here: switching users makes the previous session's requests answer 401.
  const errors = watchConsole(page);
  await page.goto("/approvals");
  await expect(
    page.getByTestId("approval-card").filter({ hasText: edited }).getByTestId("approval-card-edited"),
  ).toContainText(`edited by ${operator}`, loaded);
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "edited-list");
  await page.goto(`/approvals/${itemA.id}?status=pending`);
  const section = page.getByTestId("approval-edited");
  await expect(section).toContainText(`Edited by ${operator}`, loaded);
  await expect(section).toContainText(`It needs approval by someone other than ${operator}`);
  await expect(section.getByTestId("approval-edited-change")).toHaveCount(1);
  await expect(section.getByTestId("approval-edited-change")).toContainText("body.Suppressions[0].EmailAddress");
  await expect(section.getByTestId("approval-edited-before")).toContainText(a.toLowerCase());
  await expect(section.getByTestId("approval-edited-after")).toContainText(edited);
  await expect(page.getByTestId("approval-blast-radius")).toContainText(edited);
  await expect(page.getByTestId("approval-blast-radius")).not.toContainText(a.toLowerCase());
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "edited-item");

  await approveOnScreen(page);
  await poll(async () => {
    const dump = (await (
      await page.request.get("/api/postmark/message-streams/outbound/suppressions/dump")
    ).json()) as { Suppressions: { EmailAddress: string }[] };
    return dump.Suppressions.some((x) => x.EmailAddress.toLowerCase() === edited.toLowerCase()) ? true : undefined;
  });
  expect(errors).toEqual([]);
});

test("signed link: the page confirms before anything changes; a used or tampered link says so", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { a, itemA, approver } = await seedItems(page, baseURL!, `link-${project}`);
  const made = await page.request.post(`/api/approvals/${itemA.id}/link`, { headers: { Origin: baseURL! } });
  test.skip(made.status() === 404, "signed approval links have not landed on the server yet");
  expect(made.ok(), await made.text()).toBe(true);
  const path = new URL(((await made.json()) as { url: string }).url).pathname;

  // Signed out: the link goes through sign-in and comes back.
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page).toHaveURL(/sign-in/);
  await page.getByLabel("Username").fill(approver);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(path));
  await expect(page.getByTestId("approval-headline")).toContainText(a);
  // Opening it changed nothing.
  expect(((await (await page.request.get(`/api/approvals/${itemA.id}`)).json()) as Item).status).toBe("pending");
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "link");
  await page.getByRole("button", { name: "Confirm approval" }).click();
  await expect(page.getByTestId("link-done")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("link-problem").or(page.getByTestId("approval-item"))).toBeVisible();
  await page.goto(`${path}x`);
  await expect(page.getByTestId("link-problem")).toBeVisible();
  await shot(page, project, "link-tampered");
});

// Until the audit and signed-link routes land on the server, their pages are checked for layout
// with answers in the contract's shapes (src/contract/api/audit.ts, approvals.ts), served by page.route.
test("layout: audit page and signed-link page with contract-shaped answers", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name;
  const { a, itemA } = await seedItems(page, baseURL!, `layout-${project}`);
  const item = await (await page.request.get(`/api/approvals/${itemA.id}`)).json();
  const now = new Date().toISOString();
  const rec = (seq: number, action: string, target: string, outcome: string, actor = "admin") => ({
    seq,
    at: now,
    actor: { userId: 1, name: actor },
    action,
    target,
    outcome,
    outcomeDetail: outcome === "success" ? "200" : "403",
    requestId: `req-${seq}`,
    details: { ip: "127.0.0.1" },
    prevHash: "0".repeat(64),
    hash: `${seq}`.padStart(64, "a"),
  });
  await page.route("**/api/audit/verify", (r) =>
    r.fulfill({
      json: { intact: false, checked: 41, lastSeq: 57, firstBrokenSeq: 42, reason: "hash_mismatch", checkedAt: now },
    }),
  );
  await page.route(/\/api\/audit\?/, (r) =>
    r.fulfill({
      json: {
        records: [
          rec(57, "approval.approve", `approval:${itemA.id}`, "success", "approver-jo"),
          rec(56, "postmark.write", "POST /message-streams/outbound/suppressions", "success", "workflow-engine"),
          rec(55, "auth.login.failed", "user:mallory-with-a-very-long-name@example.com", "denied", "mallory"),
        ],
        nextBefore: 55,
      },
    }),
  );
  await page.goto("/audit");
  await expect(page.getByTestId("audit-chain")).toContainText("Chain broken at record #42");
  await expect(page.getByTestId("audit-list")).toContainText("approval.approve");
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "audit-mock");

  await page.route("**/api/approval-links/**", (r) =>
    r.fulfill({
      json: {
        approval: item,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        canDecide: true,
        reason: null,
      },
    }),
  );
  await page.goto("/approve/preview-token");
  await expect(page.getByTestId("approval-headline")).toContainText(a);
  await expect(page.getByRole("button", { name: "Confirm approval" })).toBeEnabled();
  await expectNoHorizontalOverflow(page);
  await shot(page, project, "link-mock");
});
