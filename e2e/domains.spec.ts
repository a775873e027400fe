import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/domains-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

/** A Postmark refusal is an expected 4xx; the browser logs the failed load itself, nothing else may. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e));

test("lists the seeded domains, and the filters live in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/domains");
  await expect(page.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
  const rows = page.getByTestId("domain-row");
  await expect(rows.filter({ hasText: "lumenapp.io" })).toBeVisible();
  await expect(rows.filter({ hasText: "acme-mail.dev" })).toBeVisible();
  await expect(rows.filter({ hasText: "lumenapp.io" }).getByLabel("DKIM verified")).toBeVisible();
  await expect(rows.filter({ hasText: "acme-mail.dev" }).getByLabel("DKIM not verified")).toBeVisible();
  await shot(page, testInfo, "list");
  await expectNoHorizontalOverflow(page);

  await page.getByLabel("Filter domains by name").fill("harbor");
  await expect(page).toHaveURL(/q=harbor/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-domain", "harbor-news.com");

  await page.getByLabel("Filter domains by name").fill("");
  await page.getByRole("combobox", { name: "Verification" }).click();
  await page.getByRole("option", { name: "Needs DNS work" }).click();
  await expect(page).toHaveURL(/status=unverified/);
  await expect(rows.filter({ hasText: "lumenapp.io" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "acme-mail.dev" })).toBeVisible();

  await page.reload();
  await expect(rows.filter({ hasText: "acme-mail.dev" })).toBeVisible();
  await expect(rows.filter({ hasText: "lumenapp.io" })).toHaveCount(0);

  // A page named in the URL beyond the last says so, with the way back.
  await page.goto("/domains?page=9");
  await expect(page.getByText("Page 9 is past the end of the domains")).toBeVisible();
  await expect(page.getByText(/in all, on 1 page\./)).toBeVisible();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(rows.filter({ hasText: "lumenapp.io" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("shows a domain's DNS records with copy buttons", async ({ page }, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/domains");
  await page.getByTestId("domain-row").filter({ hasText: "oldbrand.net" }).click();
  await expect(page).toHaveURL(/domain=\d+/);
  const detail = page.getByTestId("domain-detail");
  await expect(detail.getByRole("heading", { name: "oldbrand.net" })).toBeVisible();
  await expect(detail.getByTestId("dns-record-dkim")).toBeVisible();
  await expect(detail.getByTestId("dns-record-dkim-pending")).toBeVisible();
  await expect(detail.getByTestId("dns-record-return-path")).toContainText("pm-bounces.oldbrand.net");
  await expect(detail.getByRole("button", { name: "Copy DKIM host" })).toBeVisible();
  await expect(detail.getByRole("button", { name: "Copy Return-Path value" })).toBeVisible();
  await shot(page, testInfo, "detail");
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("add a domain, verify, rotate, change Return-Path and delete it; Postmark errors show as they are", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const errors = watchConsole(page);
  const name = `e2e-${testInfo.project.name}-${Date.now()}.example.com`;
  await page.goto("/domains");
  await expect(page.getByTestId("domain-row").first()).toBeVisible();

  // 512: the domain exists already.
  await page.getByRole("button", { name: "Add domain" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Domain").fill("lumenapp.io");
  await dialog.getByRole("button", { name: "Add domain" }).click();
  await expect(dialog.getByTestId("postmark-error")).toContainText("512");
  await expect(dialog.getByTestId("postmark-error")).toContainText("This domain already exists.");
  await shot(page, testInfo, "add-error");

  await dialog.getByLabel("Domain").fill(name);
  await dialog.getByRole("button", { name: "Add domain" }).click();
  await expect(dialog).toBeHidden();
  const detail = page.getByTestId("domain-detail");
  await expect(detail.getByRole("heading", { name })).toBeVisible();
  await expect(detail.getByTestId("dns-record-dkim-pending")).toBeVisible();

  // 505: a new domain's key is still pending, so it is already "being renewed".
  await detail.getByRole("button", { name: "Rotate DKIM" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("publish its TXT record");
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate DKIM" }).click();
  await expect(detail.getByTestId("domain-action-error")).toContainText("505");
  await expect(detail.getByTestId("domain-action-error")).toContainText("This DKIM is already being renewed.");

  await detail.getByRole("button", { name: "Verify DKIM" }).click();
  await expect(detail.getByTestId("dns-record-dkim")).toHaveAttribute("data-state", "verified");
  await expect(detail.getByLabel("DKIM verified")).toBeVisible();
  await detail.getByRole("button", { name: "Verify Return-Path" }).click();
  await expect(detail.getByTestId("dns-record-return-path")).toHaveAttribute("data-state", "verified");

  await detail.getByRole("button", { name: "Rotate DKIM" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate DKIM" }).click();
  await expect(detail.getByTestId("dns-record-dkim-pending")).toBeVisible();
  await expect(detail.getByText("A DKIM rotation is under way")).toBeVisible();

  // A new custom Return-Path must be verified again; one outside the domain is refused (522).
  await detail.getByLabel("Return-Path domain").fill("bounces.elsewhere.org");
  await detail.getByRole("button", { name: "Save Return-Path" }).click();
  await expect(detail.getByTestId("postmark-error")).toContainText("522");
  await detail.getByLabel("Return-Path domain").fill(`rp.${name}`);
  await detail.getByRole("button", { name: "Save Return-Path" }).click();
  await expect(detail.getByTestId("dns-record-return-path")).toContainText(`rp.${name}`);
  await expect(detail.getByTestId("dns-record-return-path")).toHaveAttribute("data-state", "unverified");
  await expectNoHorizontalOverflow(page);

  await detail.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Delete the domain ${name}?`);
  // Typed confirmation: the button stays disabled until the exact name is typed.
  await expect(confirm.getByRole("button", { name: `Delete ${name}` })).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(`${name}x`);
  await expect(confirm.getByRole("button", { name: `Delete ${name}` })).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(name);
  await page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/domain-${testInfo.project.name}-typed-confirm.png`,
  });
  await confirm.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page).not.toHaveURL(/domain=/);
  await expect(page.getByTestId("domain-row").first()).toBeVisible();
  await expect(page.getByTestId("domain-row").filter({ hasText: name })).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});
