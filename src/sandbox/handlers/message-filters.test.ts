import { afterAll, describe, expect, it } from "vitest";
import { call, testSandbox } from "../test-helpers";

// The metadata and mailbox-hash filters, as Postmark's search takes them, checked against the world's own data.
const sb = testSandbox();
const server = sb.serverToken(0);
const store = [...sb.world.servers.values()][0]!;
afterAll(() => sb.close());

describe("outbound metadata_<key> filter", () => {
  const withMeta = store.messages.find((m) => Object.keys(m.metadata).length > 0)!;
  const [key, value] = Object.entries(withMeta.metadata)[0]!;
  const expected = store.messages.filter((m) => m.metadata[key] === value);

  it("returns exactly the messages whose metadata key holds the value", async () => {
    const r = await call(
      sb,
      "GET",
      `/messages/outbound?count=500&offset=0&metadata_${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
      { server },
    );
    expect(r.status).toBe(200);
    expect(r.body.TotalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    for (const m of r.body.Messages) expect(m.Metadata[key]).toBe(value);
  });

  it("matches the value exactly and the parameter name case-insensitively", async () => {
    const partial = await call(sb, "GET", `/messages/outbound?count=1&offset=0&metadata_${key}=${value.slice(0, -1)}`, {
      server,
    });
    expect(partial.body.TotalCount).toBe(store.messages.filter((m) => m.metadata[key] === value.slice(0, -1)).length);
    const upper = await call(sb, "GET", `/messages/outbound?count=1&offset=0&metadata_${key.toUpperCase()}=${value}`, {
      server,
    });
    expect(upper.body.TotalCount).toBe(expected.length);
  });

  it("ANDs several keys and ignores an empty value", async () => {
    const none = await call(
      sb,
      "GET",
      `/messages/outbound?count=1&offset=0&metadata_${key}=${value}&metadata_nosuchkey=x`,
      { server },
    );
    expect(none.body.TotalCount).toBe(0);
    const empty = await call(sb, "GET", "/messages/outbound?count=1&offset=0&metadata_nosuchkey=", { server });
    expect(empty.body.TotalCount).toBe(store.messages.length);
  });
});

describe("inbound mailboxhash filter", () => {
  const hash = store.inbound.find((m) => m.mailboxHash)!.mailboxHash;

  it("returns exactly the inbound messages with that mailbox hash", async () => {
    const r = await call(sb, "GET", `/messages/inbound?count=500&offset=0&mailboxhash=${hash}`, { server });
    expect(r.status).toBe(200);
    expect(r.body.TotalCount).toBe(
      store.inbound.filter((m) => m.mailboxHash.toLowerCase() === hash.toLowerCase()).length,
    );
    for (const m of r.body.InboundMessages) expect(m.MailboxHash).toBe(hash);
  });

  it("finds nothing for an unknown hash", async () => {
    const r = await call(sb, "GET", "/messages/inbound?count=10&offset=0&mailboxhash=no-such-hash", { server });
    expect(r.body.TotalCount).toBe(0);
  });
});
