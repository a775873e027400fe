import { expect, test } from "@playwright/test";
import { signIn, watchConsole } from "./support";

test("a message's HTML preview loads no remote image until asked, so tracking pixels do not fire", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page);
  const errors = watchConsole(page);
  const pixel = `https://tracker.example/open-${testInfo.project.name}-${Date.now()}.gif`;
  const sent = await page.request.post("/api/postmark/email", {
    data: {
      From: "hello@lumenapp.io",
      To: "images-e2e@example.com",
      Subject: "Images e2e",
      HtmlBody: `<html><body><p>Hello</p><img alt="pixel" width="20" height="20" src="${pixel}"></body></html>`,
      TextBody: "Hello",
    },
  });
  expect(sent.status()).toBe(200);
  const { MessageID } = (await sent.json()) as { MessageID: string };

  await page.goto(`/activity?message=${MessageID}&kind=outbound`);
  await page.getByRole("tab", { name: "Content" }).click({ timeout: 60_000 });
  const frame = page.getByTestId("email-frame");
  await expect(frame).toHaveAttribute("data-remote", "blocked");
  // The document carries a policy that allows images only from data: and cid:.
  await expect(frame).toHaveAttribute(
    "srcdoc",
    /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:/,
  );
  const img = page.frameLocator('[data-testid="email-frame"]').getByRole("img", { name: "pixel" });
  // Once the image has settled (blocked), any request for it would already have been made.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete), { timeout: 15_000 }).toBe(true);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(0);
  // tracker.example does not resolve: the browser logs a failed load only if it tried to fetch.
  const tried = () => errors.some((e) => /ERR_NAME_NOT_RESOLVED/.test(e));
  expect(tried()).toBe(false);
  await page.screenshot({
    path: `${process.env.E2E_SCREENS_DIR ?? "test-results/screens"}/email-images-${testInfo.project.name}-blocked.png`,
  });

  await page.getByRole("button", { name: "Load images" }).click();
  await expect(frame).toHaveAttribute("data-remote", "allowed");
  await expect(frame).not.toHaveAttribute("srcdoc", /Content-Security-Policy/);
  await expect(page.frameLocator('[data-testid="email-frame"]').getByRole("img", { name: "pixel" })).toHaveAttribute(
    "src",
    pixel,
  );
  await expect.poll(tried, { timeout: 15_000 }).toBe(true);
  // Sandboxed email documents refuse scripts, and say so in the console.
  expect(
    errors.filter(
      (e) =>
        !/Content Security Policy|img-src|ERR_NAME_NOT_RESOLVED|Blocked script execution in 'about:srcdoc'/.test(e),
    ),
  ).toEqual([]);
});
