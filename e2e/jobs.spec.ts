import { expect as baseExpect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, signIn, watchConsole } from "./support";

// Jobs run on a shared, busy machine: server-side work gets more time than a click does.
const expect = baseExpect.configure({ timeout: 20_000 });

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/jobs-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

interface Bounce {
  ID: number;
  Email: string | null;
  Type: string | null;
  MessageStream: string | null;
  BouncedAt: string | null;
  Inactive: boolean;
  CanActivate: boolean;
}

/** Postmark counts days in US Eastern time; the page's date filter does too. */
const easternDay = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));

async function bounces(request: APIRequestContext, query: Record<string, string>): Promise<Bounce[]> {
  const res = await request.get(
    `/api/postmark/bounces?${new URLSearchParams({ count: "500", offset: "0", ...query })}`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as { Bounces: Bounce[] }).Bounces;
}

/** What the dry run must say, computed from the sandbox's own answer: one verdict per address and stream. */
function expectedVerdicts(list: Bounce[]) {
  const groups = new Map<string, Bounce[]>();
  for (const b of list) {
    const k = `${b.MessageStream}|${(b.Email ?? String(b.ID)).toLowerCase()}`;
    groups.set(k, [...(groups.get(k) ?? []), b]);
  }
  const out = { reactivatable: 0, spam: 0, cannot: 0, active: 0 };
  for (const g of groups.values()) {
    if (g.some((b) => b.Inactive && b.CanActivate)) out.reactivatable++;
    else if (g.some((b) => b.Inactive && b.Type === "SpamComplaint")) out.spam++;
    else if (g.some((b) => b.Inactive)) out.cannot++;
    else out.active++;
  }
  return out;
}

/** A run of whole Eastern days whose bounces mix reactivatable ones with a spam complaint (the data moves with the clock). */
function pickDays(all: Bounce[]): { from: string; to: string } {
  const days = [...new Set(all.map((b) => easternDay(b.BouncedAt!)))].sort();
  for (let span = 1; span <= days.length; span++) {
    for (let i = 0; i + span <= days.length; i++) {
      const from = days[i]!;
      const to = days[i + span - 1]!;
      const inRange = all.filter((b) => {
        const d = easternDay(b.BouncedAt!);
        return d >= from && d <= to;
      });
      const v = expectedVerdicts(inRange);
      if (v.spam >= 1 && v.reactivatable >= 8 && v.active >= 1) return { from, to };
    }
  }
  throw new Error("the sandbox holds no window with a mix of reactivatable and spam-complaint bounces");
}

test("bulk reactivation of a filter: a dry run with reasons, then a throttled run that goes on through a reload", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page);
  const errors = watchConsole(page);
  const range = pickDays(await bounces(page.request, {}));
  const expected = expectedVerdicts(
    await bounces(page.request, { fromdate: `${range.from}T00:00:00`, todate: `${range.to}T23:59:59` }),
  );

  await page.goto(`/bounces?from=${range.from}&to=${range.to}`);
  await expect(page.getByTestId("bounce-row").first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: /Dry run: all [\d,]+ matching the filter/ }).click();
  await expect(page).toHaveURL(/job=\d+/);
  const detail = page.getByTestId("job-detail");
  await expect(detail.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(detail.getByTestId("verdict-reactivatable")).toHaveAttribute(
    "data-count",
    String(expected.reactivatable),
  );
  await expect(detail.getByTestId("verdict-spam-complaint")).toHaveAttribute("data-count", String(expected.spam));
  await expect(detail.getByTestId("verdict-active")).toHaveAttribute("data-count", String(expected.active));
  await detail.getByTestId("verdict-spam-complaint").click();
  await expect(detail.getByTestId("job-item").first()).toContainText("Postmark never reactivates");
  await shot(page, testInfo, "dry-run");
  await detail.getByTestId("verdict-spam-complaint").click();

  const planUrl = page.url();
  await detail.getByRole("button", { name: `Reactivate ${expected.reactivatable} addresses` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reactivate" }).click();
  await expect(page).not.toHaveURL(planUrl);
  const progress = detail.getByTestId("job-progress");
  await expect(progress).toHaveAttribute("data-total", String(expected.reactivatable));
  // Mid-run: some done, not all (the server paces its calls).
  await expect
    .poll(async () => Number(await progress.getAttribute("data-processed")), { timeout: 20_000 })
    .toBeGreaterThan(0);
  const before = Number(await progress.getAttribute("data-processed"));
  expect(before).toBeLessThan(expected.reactivatable);
  await detail.scrollIntoViewIfNeeded();
  await shot(page, testInfo, "running");

  await page.reload();
  await expect(detail.getByTestId("job-progress")).toBeVisible();
  expect(Number(await detail.getByTestId("job-progress").getAttribute("data-processed"))).toBeGreaterThanOrEqual(
    before,
  );
  await expect(detail.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(detail.getByTestId("job-item")).toHaveCount(expected.reactivatable);
  await expect(detail.locator('[data-testid="job-item"][data-status="succeeded"]')).toHaveCount(expected.reactivatable);
  await detail.scrollIntoViewIfNeeded();
  await shot(page, testInfo, "finished");
  await expectNoHorizontalOverflow(page);

  // The sandbox agrees: nothing left to reactivate in that range.
  expect(
    expectedVerdicts(
      await bounces(page.request, { fromdate: `${range.from}T00:00:00`, todate: `${range.to}T23:59:59` }),
    ).reactivatable,
  ).toBe(0);
  // Another user sees the job and its progress.
  await page.goto("/jobs");
  await expect(page.getByTestId("job-card").first()).toContainText("Reactivate");
  expect(errors).toEqual([]);
});

test("an export past Postmark's 10,000-row ceiling writes every message once", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page);
  const errors = watchConsole(page);
  const total = (
    (await (await page.request.get("/api/postmark/messages/outbound?count=1&offset=0")).json()) as {
      TotalCount: number;
    }
  ).TotalCount;
  expect(total).toBeGreaterThan(10_000);

  await page.goto("/activity");
  await expect(page.getByTestId("activity-list")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Export all matching outbound as CSV" }).click();
  const card = page.getByTestId("job-card");
  await expect(card.getByTestId("job-status")).toHaveAttribute("data-status", /running|succeeded/, { timeout: 20_000 });
  await shot(page, testInfo, "export-running");
  await expect(card.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(card.getByTestId("export-rows")).toHaveAttribute("data-rows", String(total));
  await shot(page, testInfo, "export-done");

  const href = await card.getByTestId("job-download").getAttribute("href");
  const file = await page.request.get(href!);
  expect(file.headers()["content-type"]).toMatch(/text\/csv/);
  const lines = (await file.text()).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^MessageID,ReceivedAt,From,To/);
  expect(lines).toHaveLength(total + 1);
  expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(total);
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});
