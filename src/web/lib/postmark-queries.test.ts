import { QueryClient } from "@tanstack/react-query";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { operationList, operations } from "@/contract/postmark";
import { server } from "@/web/test/msw";
import type { postmarkMutationOptions } from "./postmark-queries";
import { callPostmark, invalidateAfter, invalidationKeys, postmarkKey, postmarkQueryOptions } from "./postmark-queries";

describe("postmark query options", () => {
  it("keys by area, operation, server and input", () => {
    expect(postmarkKey(operations["domains.list"], 7, { query: { count: 10 } })).toEqual([
      "postmark",
      "domains",
      "domains.list",
      7,
      { query: { count: 10 } },
    ]);
  });

  it("turns invalidation scopes into key prefixes: areas and single operations", () => {
    expect(invalidationKeys({ invalidates: ["domains"] })).toEqual([["postmark", "domains"]]);
    expect(invalidationKeys({ invalidates: ["domains.list"] })).toEqual([["postmark", "domains", "domains.list"]]);
    expect(() => invalidationKeys({ invalidates: ["nope.nothing"] })).toThrow(/Unknown invalidation scope/);
  });

  it("resolves every scope the catalog names", () => {
    for (const op of operationList) expect(() => invalidationKeys(op)).not.toThrow();
  });

  it("invalidates only the named scopes, never everything", async () => {
    const qc = new QueryClient();
    qc.setQueryData(["postmark", "domains", "domains.list", null, {}], 1);
    qc.setQueryData(["postmark", "bounces", "bounces.list", null, {}], 2);
    qc.setQueryData(["session"], 3);
    await invalidateAfter(operations["domains.create"], qc);
    const stale = qc
      .getQueryCache()
      .getAll()
      .filter((q) => q.isStale())
      .map((q) => (q.queryKey[0] === "postmark" ? q.queryKey[1] : q.queryKey[0]));
    expect(stale).toEqual(["domains"]);
  });

  it("sends server-token calls with X-Mailroom-Server, account-token calls without", async () => {
    const seen: Record<string, string | null> = {};
    server.use(
      http.get("*/api/postmark/message-streams", ({ request }) => {
        seen.streams = request.headers.get("x-mailroom-server");
        return HttpResponse.json({ MessageStreams: [], TotalCount: 0 });
      }),
      http.get("*/api/postmark/domains", ({ request }) => {
        seen.domains = request.headers.get("x-mailroom-server");
        return HttpResponse.json({ Domains: [], TotalCount: 0 });
      }),
    );
    const streams = operationList.find((o) => o.path === "/message-streams" && o.method === "GET")!;
    await callPostmark(streams, {}, 42);
    await callPostmark(operations["domains.list"], { query: { count: 1, offset: 0 } }, 42);
    expect(seen).toEqual({ streams: "42", domains: null });
  });

  it("builds a query function that throws Postmark's error", async () => {
    server.use(
      http.get("*/api/postmark/domains/9", () =>
        HttpResponse.json({ ErrorCode: 510, Message: "Domain not found." }, { status: 422 }),
      ),
    );
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(
      qc.fetchQuery(postmarkQueryOptions(operations["domains.get"], { params: { domainid: 9 } }, null)),
    ).rejects.toMatchObject({
      kind: "postmark",
      postmarkCode: 510,
      message: "Domain not found.",
    });
  });

  it("types each call's input by its catalog entry (checked by tsc: a wrong input does not compile)", () => {
    const ops = operations;
    // Path parameters are required when the operation has them, and absent when it has none.
    // @ts-expect-error domains.get needs { params: { domainid } }
    postmarkQueryOptions(ops["domains.get"], {}, null);
    // @ts-expect-error domains.list has no path parameters
    postmarkQueryOptions(ops["domains.list"], { params: { domainid: 1 }, query: { count: 1, offset: 0 } }, null);
    // @ts-expect-error a query field of the wrong type
    postmarkQueryOptions(ops["bounces.search"], { query: { count: 1, offset: 0, tag: 5 } }, null);
    type Mutation = ReturnType<typeof postmarkMutationOptions<(typeof ops)["suppressions.create"]>>;
    type MutationInput = Parameters<NonNullable<Mutation["mutationFn"]>>[0];
    const accepted = (input: MutationInput) => input;
    // @ts-expect-error the body must be { Suppressions: [...] }
    accepted({ params: { streamId: "outbound" }, body: { Emails: [] } });
    accepted({ params: { streamId: "outbound" }, body: { Suppressions: [{ EmailAddress: "a@example.com" }] } });
    // The right shapes compile, and the key holds the input as given.
    const ok = postmarkQueryOptions(ops["domains.get"], { params: { domainid: 9 } }, 3);
    expect(ok.queryKey).toEqual(["postmark", "domains", "domains.get", 3, { params: { domainid: 9 } }]);
  });
});
