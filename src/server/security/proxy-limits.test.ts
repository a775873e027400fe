import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, postmarkLike, type FakeUpstream } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";

const ACCOUNT = "acct-token-limits-0001";
const SRV = "srv-token-limits-0002";
const MB = 1024 * 1024;

/** A request body that counts how many bytes the server pulled from it. */
function countingBody(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const piece = new TextEncoder().encode("x".repeat(chunk));
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (state.pulled >= total) return ctrl.close();
      state.pulled += piece.byteLength;
      ctrl.enqueue(piece);
    },
  });
  return { stream, state };
}

describe("proxy: request targets and body limits", () => {
  let up: FakeUpstream;
  let h: Harness;
  let viewer: string;
  let operator: string;
  beforeAll(async () => {
    up = await startFakeUpstream(
      postmarkLike({ accountToken: ACCOUNT, servers: [{ id: 1, name: "One", token: SRV }] }),
    );
    h = await createHarness({ env: { POSTMARK_API_URL: up.url, POSTMARK_ACCOUNT_TOKEN: ACCOUNT } });
    viewer = await h.addUser("vera", "viewer");
    operator = await h.addUser("otto", "operator");
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });
  beforeEach(() => up.reset());

  const post = (
    path: string,
    cookie: string,
    body: ReadableStream<Uint8Array> | string,
    headers: Record<string, string> = {},
  ) =>
    h.app.request(`/api/postmark${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit);

  it.each([
    "/templates/%70ush",
    "/templates/%50USH",
    "/server%73",
    "/bounces/%31",
    "/templates/a%7eb",
    "/templates/a%5fb",
    "/templates/a%2db",
  ])("refuses the percent-encoded unreserved character in %s with 400 and no upstream call", async (path) => {
    const res = await h.request(`/api/postmark${path}`, { cookie: operator });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/percent-encoded/);
    expect(up.seen).toEqual([]);
  });

  it("still forwards the plain path", async () => {
    const res = await h.request("/api/postmark/templates/push", { cookie: operator, method: "PUT", body: "{}" });
    // templates.push is destructive: an operator is refused by role, which shows the path was recognised.
    expect(res.status).toBe(403);
    expect((await h.request("/api/postmark/templates/welcome", { cookie: operator })).status).toBe(200);
  });

  it("refuses a viewer's 50 MB send by role before reading the body", async () => {
    const { stream, state } = countingBody(50 * MB);
    const res = await post("/email", viewer, stream);
    expect(res.status).toBe(403);
    // At most the one chunk a stream queues up by itself; nothing was buffered.
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
    expect(up.seen).toEqual([]);
  });

  it("gives a read operation with a body (template validation) the small limit, counted while streaming", async () => {
    const { stream, state } = countingBody(50 * MB);
    const res = await post("/templates/validate", viewer, stream);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/MAX_API_BODY_BYTES/);
    // Stopped just past 256 KB instead of reading 50 MB.
    expect(state.pulled).toBeLessThanOrEqual(256 * 1024 + 2 * 64 * 1024);
    expect(up.seen).toEqual([]);
  });

  it("refuses a declared Content-Length over the limit without reading at all", async () => {
    const { stream, state } = countingBody(50 * MB);
    const res = await post("/templates/validate", viewer, stream, { "content-length": String(50 * MB) });
    expect(res.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("gives every other write the small limit too (an operator's 1 MB template)", async () => {
    const res = await h.request("/api/postmark/templates", {
      cookie: operator,
      method: "POST",
      body: JSON.stringify({ Name: "t", HtmlBody: "x".repeat(MB) }),
    });
    expect(res.status).toBe(413);
    expect(up.seen).toEqual([]);
  });

  it("lets sends carry large bodies (an operator's 1 MB email reaches Postmark)", async () => {
    const body = JSON.stringify({ From: "a@example.com", To: "b@example.com", HtmlBody: "x".repeat(MB) });
    const res = await h.request("/api/postmark/email", { cookie: operator, method: "POST", body });
    expect(res.status).toBe(200);
    expect(up.seen.at(-1)!.body.length).toBe(body.length);
  });
});
