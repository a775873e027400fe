import { urlToHttpOptions } from "node:url";
import { describe, expect, it } from "vitest";
import { upstreamAddress } from "./upstream-address";

// What node:http was given before: the whole URL, parsed.
const parsed = (baseUrl: string, path: string, query?: string) => {
  const o = urlToHttpOptions(new URL(`${baseUrl}${path}${query ? `?${query}` : ""}`));
  return {
    protocol: o.protocol,
    hostname: o.hostname,
    port: o.port === undefined ? undefined : Number(o.port),
    path: o.path,
    ...(o.auth ? { auth: o.auth } : {}),
  };
};

describe("upstreamAddress", () => {
  const bases = [
    "https://api.postmarkapp.com",
    "http://127.0.0.1:4567",
    "http://127.0.0.1:4567/",
    "http://localhost:80",
    "https://api.postmarkapp.com:443",
    "HTTP://Example.COM:8080/Base",
    "http://example.com/postmark/v1",
    "http://user:pw@example.com",
    "http://[::1]:3000",
    "http://example.com/a b",
    "http://example.com/p?x=1",
  ];
  const targets: [string, string?][] = [
    ["/bounces", "count=10&offset=0"],
    ["/bounces"],
    ["/bounces", ""],
    ["/templates/", "x=a%20b&y=~!$'()*,;:@/?"],
    ["/messages/outbound/0ac29aee-e1cd-480d-b08d-4f48548ff48d/details"],
    ["/stats/outbound", "fromdate=2024-01-01&tag=a|b{c}^`"],
    ["/bounces", 'q="quoted"<x>#frag'],
    ["/bounces", "e=ü"],
    ["/a/../b"],
    ["/a/%2e%2e/b"],
    ["/a/./b", "x=1"],
    ["/a%40b"],
    ["/a%zz"],
  ];

  it("gives what the URL parser gives, for every base and target", () => {
    for (const base of bases)
      for (const [path, query] of targets)
        expect(upstreamAddress(base, path, query), `${base} ${path} ${query}`).toEqual(parsed(base, path, query));
  });

  it("throws as the URL parser does for a base that is not a URL", () => {
    expect(() => upstreamAddress("not a url", "/bounces", undefined)).toThrow(TypeError);
  });
});
