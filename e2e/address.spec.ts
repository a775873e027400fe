import { expect as baseExpect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

const expect = baseExpect.configure({ timeout: 20_000 });
const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/address-${testInfo.project.name}-${name}.png`,
    fullPage: false,
  });

interface Suppression {
  EmailAddress: string;
  SuppressionReason: string;
  Origin: string;
}
interface Bounce {
  Email: string | null;
  Inactive: boolean;
}

async function get<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  baseExpect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The sandbox's own view of the default server: who is suppressed, who bounced, who was mailed. */
async function facts(request: APIRequestContext) {
  const servers = await get<{ servers: { id: number; name: string }[]; defaultServerId: number | null }>(
    request,
    "/api/servers",
  );
  const name = servers.servers.find((s) => s.id === servers.defaultServerId)?.name ?? servers.servers[0]!.name;
  const suppressed: Suppression[] = [];
  for (const stream of ["outbound", "broadcast"])
    suppressed.push(
      ...(
        await get<{ Suppressions: Suppression[] }>(request, `/api/postmark/message-streams/${stream}/suppressions/dump`)
      ).Suppressions,
    );
  const bounces = (await get<{ Bounces: Bounce[] }>(request, "/api/postmark/bounces?count=500&offset=0")).Bounces;
  const recipients = (
    await get<{ Messages: { Recipients: string[] }[] }>(request, "/api/postmark/messages/outbound?count=200&offset=0")
  ).Messages.flatMap((m) => m.Recipients);
  const isSuppressed = new Set(suppressed.map((s) => s.EmailAddress.toLowerCase()));
  const bounced = new Set(bounces.map((b) => (b.Email ?? "").toLowerCase()));
  return { name, suppressed, bounces, recipients, isSuppressed, bounced };
}

test("the address lookup explains a suppressed, a bounced and a clean address, and can suppress", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page);
  const errors = watchConsole(page);
  const f = await facts(page.request);
  const region = () => page.getByRole("region", { name: `Server ${f.name}` });

  // Suppressed: a hard bounce on the outbound stream.
  const hard = f.suppressed.find((s) => s.SuppressionReason === "HardBounce")!;
  await page.goto(`/address/${encodeURIComponent(hard.EmailAddress)}`);
  await expect(region().getByTestId("address-headline")).toContainText("Suppressed on");
  const line = region().locator('[data-testid="address-suppression"][data-cause="hard-bounce"]').first();
  await expect(line).toContainText("Hard bounce");
  await expect(line).toContainText(/origin/);
  await expect(region().getByTestId("address-bounce").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent events" })).toBeVisible();
  await shot(page, testInfo, "suppressed");
  await expectNoHorizontalOverflow(page);

  // Bounced but still active: a soft bounce, not suppressed anywhere.
  const soft = f.bounces.find(
    (b) =>
      b.Email &&
      !b.Inactive &&
      !f.isSuppressed.has(b.Email.toLowerCase()) &&
      !f.bounces.some((x) => x.Inactive && x.Email === b.Email),
  )!;
  await page.goto(`/address/${encodeURIComponent(soft.Email!)}`);
  await expect(region().getByTestId("address-headline")).toContainText("Not suppressed, but it has bounced");
  await expect(region().getByTestId("address-bounce").first()).toBeVisible();
  await shot(page, testInfo, "bounced");

  // Clean, reached from Ctrl-K by typing the address.
  const clean = f.recipients.find((r) => !f.isSuppressed.has(r.toLowerCase()) && !f.bounced.has(r.toLowerCase()))!;
  if (isPhone(testInfo)) await page.getByRole("button", { name: "Search pages and operations" }).click();
  else await page.keyboard.press("Control+k");
  await page.getByPlaceholder("Go to a page or an operation…").fill(clean);
  await page.getByRole("option", { name: `Look up ${clean.toLowerCase()}` }).click();
  await expect(page).toHaveURL(new RegExp(`/address/${encodeURIComponent(clean.toLowerCase()).replace(/\./g, "\\.")}`));
  await expect(region().getByTestId("address-headline")).toContainText("Not suppressed and no recent bounces");
  await expect(region().getByTestId("address-outbound").locator("li").first()).toBeVisible();
  await shot(page, testInfo, "clean");

  // Suppress it on outbound: the page then says why and offers to remove it.
  await region().getByRole("button", { name: "Suppress on outbound" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Suppress" }).click();
  await expect(region().getByTestId("address-headline")).toContainText("Suppressed on");
  await expect(region().locator('[data-testid="address-suppression"][data-cause="manual"]')).toContainText(
    "Suppressed by hand",
  );
  await expect(region().getByRole("button", { name: "Remove suppression" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test("addresses in the console link to their lookup", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.goto("/suppressions");
  const link = page.getByTestId("suppression-row").first().getByTestId("address-link");
  const email = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/address\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(email.toLowerCase());
});
