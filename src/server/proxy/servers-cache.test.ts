import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";

const ACCOUNT = "account-token-servers-cache";

/** A Postmark stand-in whose server list changes with create/rename/delete calls. */
function accountWithServers() {
  const servers = new Map<number, { ID: number; Name: string; Color: string; ApiTokens: string[] }>([
    [1, { ID: 1, Name: "First", Color: "red", ApiTokens: ["tok-1"] }],
  ]);
  let next = 2;
  return (req: Seen) => {
    const path = req.url.split("?")[0]!;
    if (req.headers["x-postmark-account-token"] !== ACCOUNT)
      return { status: 401, body: { ErrorCode: 10, Message: "No token." } };
    if (req.method === "GET" && path === "/servers")
      return { body: { TotalCount: servers.size, Servers: [...servers.values()] } };
    if (req.method === "POST" && path === "/servers") {
      const s = {
        ID: next,
        Name: (JSON.parse(req.body) as { Name: string }).Name,
        Color: "blue",
        ApiTokens: [`tok-${next++}`],
      };
      servers.set(s.ID, s);
      return { body: s };
    }
    const m = /^\/servers\/(\d+)$/.exec(path);
    const s = m ? servers.get(Number(m[1])) : undefined;
    if (!s) return { status: 422, body: { ErrorCode: 601, Message: "Server not found." } };
    if (req.method === "PUT") {
      s.Name = (JSON.parse(req.body) as { Name: string }).Name;
      return { body: s };
    }
    if (req.method === "DELETE") {
      servers.delete(s.ID);
      return { body: { ErrorCode: 0, Message: `Server ${s.ID} removed.` } };
    }
    return { status: 404, body: {} };
  };
}

describe("the server switcher's list after servers change", () => {
  let up: FakeUpstream;
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    up = await startFakeUpstream(accountWithServers());
    h = await createHarness({ env: { POSTMARK_API_URL: up.url, POSTMARK_ACCOUNT_TOKEN: ACCOUNT } });
    admin = await h.login();
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });

  const names = async () =>
    (
      (await (await h.request("/api/servers", { cookie: admin })).json()) as { servers: { name: string }[] }
    ).servers.map((s) => s.name);
  const call = (path: string, method: string, body?: unknown) =>
    h.request(`/api/postmark${path}`, {
      cookie: admin,
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("shows a created, renamed and deleted server at once, and keeps the cache for reads", async () => {
    expect(await names()).toEqual(["First"]);
    const listCalls = () => up.seen.filter((s) => s.method === "GET" && s.url.startsWith("/servers")).length;
    const before = listCalls();
    await names();
    expect(listCalls()).toBe(before);

    const created = await call("/servers", "POST", { Name: "Second" });
    expect(created.status).toBe(200);
    expect(await names()).toEqual(["First", "Second"]);
    expect((await call("/servers/2", "PUT", { Name: "Renamed" })).status).toBe(200);
    expect(await names()).toEqual(["First", "Renamed"]);
    expect((await call("/servers/2", "DELETE")).status).toBe(200);
    expect(await names()).toEqual(["First"]);
  });

  it("keeps the cache when Postmark refuses the change", async () => {
    await names();
    const before = up.seen.length;
    expect((await call("/servers/99", "DELETE")).status).toBe(422);
    await names();
    expect(up.seen.length).toBe(before + 1);
  });
});
