import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "@/web/test/msw";
import { planBoot, probeSession, type BootLocation } from "./boot";

const session = { user: { id: 1, username: "admin", role: "admin" as const }, expiresAt: "2030-01-01T00:00:00Z" };
const at = (pathname: string, search = "", hash = ""): BootLocation => ({ pathname, search, hash });

describe("planBoot", () => {
  it("loads the app whenever a session exists, wherever the visitor is", () => {
    expect(planBoot(at("/operations"), { state: "signed-in", session })).toEqual({ show: "app" });
    expect(planBoot(at("/sign-in", "?redirect=%2Fbounces"), { state: "signed-in", session })).toEqual({
      show: "app",
    });
  });

  it("loads the app when the probe failed, so the app shows the error as it always has", () => {
    expect(planBoot(at("/"), { state: "unknown" })).toEqual({ show: "app" });
  });

  it("sends a visitor without a session from any page to sign-in, coming back afterwards", () => {
    expect(planBoot(at("/"), { state: "signed-out" })).toEqual({
      show: "sign-in",
      redirect: "/",
      url: "/sign-in?redirect=%2F",
    });
    const plan = planBoot(at("/activity", "?status=sent&q=a b", "#top"), { state: "signed-out" });
    expect(plan).toEqual({
      show: "sign-in",
      redirect: "/activity?status=sent&q=a b#top",
      url: "/sign-in?redirect=%2Factivity%3Fstatus%3Dsent%26q%3Da+b%23top",
    });
    // URLSearchParams (which the router also uses for search) reads the same target back.
    const url = new URL(plan.show === "sign-in" ? plan.url! : "", "http://x");
    expect(url.searchParams.get("redirect")).toBe("/activity?status=sent&q=a b#top");
  });

  it("stays on /sign-in and keeps its redirect", () => {
    expect(planBoot(at("/sign-in", "?redirect=%2Fapprove%2Ftok"), { state: "signed-out" })).toEqual({
      show: "sign-in",
      redirect: "/approve/tok",
      url: undefined,
    });
    expect(planBoot(at("/sign-in/"), { state: "signed-out" })).toEqual({
      show: "sign-in",
      redirect: undefined,
      url: undefined,
    });
  });
});

describe("probeSession", () => {
  it("reads a session, a 401 and a failure apart", async () => {
    server.use(http.get("*/api/auth/session", () => HttpResponse.json(session)));
    expect(await probeSession()).toEqual({ state: "signed-in", session });
    server.use(
      http.get("*/api/auth/session", () =>
        HttpResponse.json({ error: { code: "unauthenticated", message: "Sign in" } }, { status: 401 }),
      ),
    );
    expect(await probeSession()).toEqual({ state: "signed-out" });
    server.use(http.get("*/api/auth/session", () => new HttpResponse("down", { status: 503 })));
    expect(await probeSession()).toEqual({ state: "unknown" });
    server.use(http.get("*/api/auth/session", () => HttpResponse.error()));
    expect(await probeSession()).toEqual({ state: "unknown" });
  });
});
