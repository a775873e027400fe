import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "@/web/test/msw";
import { apiRequest, rawRequest } from "./api-client";
import { ApiError, describeError } from "./api-error";
import { shouldRetry } from "./query-client";

describe("api client", () => {
  it("returns the parsed JSON of a success", async () => {
    server.use(
      http.get("*/api/health", () => HttpResponse.json({ ok: true, mode: "sandbox", upstream: "x", version: "1" })),
    );
    await expect(apiRequest("/api/health")).resolves.toMatchObject({ ok: true, mode: "sandbox" });
  });

  it("reads Mailroom's own error shape", async () => {
    server.use(
      http.get("*/api/users", () =>
        HttpResponse.json({ error: { code: "forbidden", message: "Admins only." } }, { status: 403 }),
      ),
    );
    const err = await apiRequest("/api/users").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "mailroom", status: 403, code: "forbidden", message: "Admins only." });
  });

  it("passes Postmark's ErrorCode and Message through", async () => {
    server.use(
      http.get("*/api/postmark/server", () =>
        HttpResponse.json({ ErrorCode: 10, Message: "Bad or missing API token." }, { status: 401 }),
      ),
    );
    const err = await apiRequest("/api/postmark/server").catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: "postmark",
      status: 401,
      postmarkCode: 10,
      message: "Bad or missing API token.",
    });
    expect(describeError(err)).toBe("Postmark error 10: Bad or missing API token.");
  });

  it("copes with a body that is not JSON", async () => {
    server.use(http.get("*/api/x", () => new HttpResponse("Bad Gateway", { status: 502 })));
    await expect(apiRequest("/api/x")).rejects.toMatchObject({
      kind: "unexpected",
      status: 502,
      message: "502 Bad Gateway",
    });
  });

  it("turns a network failure into a clear error", async () => {
    server.use(http.get("*/api/y", () => HttpResponse.error()));
    await expect(apiRequest("/api/y")).rejects.toMatchObject({ kind: "network", status: 0 });
  });

  it("sends JSON bodies and reports timing without throwing on errors", async () => {
    server.use(
      http.post("*/api/echo", async ({ request }) =>
        HttpResponse.json({ got: await request.json(), type: request.headers.get("content-type") }, { status: 422 }),
      ),
    );
    const res = await rawRequest("/api/echo", { method: "POST", body: { a: 1 } });
    expect(res).toMatchObject({ status: 422, ok: false, body: { got: { a: 1 }, type: "application/json" } });
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("never retries a 4xx, retries a 5xx twice", () => {
    expect(shouldRetry(0, new ApiError({ kind: "mailroom", status: 404, message: "x" }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: "mailroom", status: 502, message: "x" }))).toBe(true);
    expect(shouldRetry(2, new ApiError({ kind: "mailroom", status: 502, message: "x" }))).toBe(false);
  });
});
