import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "./msw";

beforeAll(() => {
  // Any request without a handler fails the test instead of silently hitting the network.
  server.listen({ onUnhandledRequest: "error" });
  // The app fetches relative URLs as a browser would; Node's fetch needs them absolute.
  const patched = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    patched(
      typeof input === "string" && input.startsWith("/") ? new URL(input, window.location.origin).href : input,
      init,
    );
});
afterEach(() => {
  server.resetHandlers();
  cleanup();
});
afterAll(() => server.close());
