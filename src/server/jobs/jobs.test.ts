import { afterEach, describe, expect, it } from "vitest";
import type { JobDetailResponse, JobSummary } from "../../contract/api/jobs";
import { createMemoryLogger } from "../logger";
import { createServices } from "../services";
import { startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";
import { easternNowSeconds, formatPostmarkDate, parsePostmarkDate, POSTMARK_CEILING } from "./export-windows";
import { planReactivation } from "./kinds/reactivation";

interface B {
  ID: number;
  Email: string;
  Type: string;
  Inactive: boolean;
  CanActivate: boolean;
  BouncedAt: string;
}
const bounce = (ID: number, Email: string, Type: string, Inactive: boolean, CanActivate: boolean, day = 10): B => ({
  ID,
  Email,
  Type,
  Inactive,
  CanActivate,
  BouncedAt: `2029-12-${String(day).padStart(2, "0")}T10:00:00Z`,
});

const world: B[] = [
  bounce(1, "ana@example.com", "HardBounce", true, true, 20),
  bounce(9, "ana@example.com", "HardBounce", true, true, 5),
  bounce(2, "spam@example.com", "SpamComplaint", true, false),
  bounce(3, "fine@example.com", "SoftBounce", false, false),
  ...[4, 5, 6, 7, 8].map((id) => bounce(id, `user${id}@example.com`, "HardBounce", true, true)),
];
const present = (b: B) => ({
  ...b,
  TypeCode: 1,
  Name: b.Type,
  Tag: null,
  MessageID: `msg-${b.ID}`,
  ServerID: 1,
  MessageStream: "outbound",
  Description: null,
  Details: null,
  From: "a@b.c",
  DumpAvailable: false,
  Subject: '=HYPERLINK("x")',
});

/** Outbound messages for export tests, newest first, `at` in seconds of the Eastern timeline. */
let outbound: { id: string; at: number }[] = [];
/** Called with each outbound search (1-based count) before it is answered. */
let onOutboundSearch: (n: number, q: URLSearchParams) => void = () => {};

/** Answers like Postmark for the calls jobs make; `onActivate` may change the answer. */
function postmark(onActivate: (id: number, n: number) => { status: number; body: unknown } | null = () => null) {
  const activations = new Map<number, number>();
  let searches = 0;
  const handler = (req: Seen) => {
    const [p, qs] = req.url.split("?");
    const q = new URLSearchParams(qs);
    if (req.method === "GET" && p === "/messages/outbound") {
      onOutboundSearch(++searches, q);
      const offset = Number(q.get("offset"));
      const count = Number(q.get("count"));
      if (offset + count > POSTMARK_CEILING)
        return { status: 422, body: { ErrorCode: 700, Message: "count+offset too large" } };
      const from = parsePostmarkDate(q.get("fromdate")!, false)!;
      const to = parsePostmarkDate(q.get("todate")!, true)!;
      const hit = outbound.filter((m) => m.at >= from && m.at <= to);
      return {
        body: {
          TotalCount: hit.length,
          Messages: hit.slice(offset, offset + count).map((m) => ({
            MessageID: m.id,
            ReceivedAt: formatPostmarkDate(m.at),
            From: "hello@lumenapp.io",
            To: [],
            Cc: [],
            Bcc: [],
            Subject: "Hi",
            Tag: null,
            Status: "Sent",
            MessageStream: "outbound",
            Metadata: {},
          })),
        },
      };
    }
    if (req.method === "GET" && p === "/bounces") {
      const offset = Number(q.get("offset"));
      const count = Number(q.get("count"));
      if (offset + count > 10_000) return { status: 422, body: { ErrorCode: 1000, Message: "count+offset too large" } };
      return { body: { TotalCount: world.length, Bounces: world.slice(offset, offset + count).map(present) } };
    }
    let m = /^\/bounces\/(\d+)$/.exec(p!);
    if (m && req.method === "GET") {
      const b = world.find((x) => x.ID === Number(m![1]));
      return b
        ? { body: present(b) }
        : { status: 422, body: { ErrorCode: 1001, Message: "This bounce was not found." } };
    }
    m = /^\/bounces\/(\d+)\/activate$/.exec(p!);
    if (m && req.method === "PUT") {
      const id = Number(m[1]);
      const n = (activations.get(id) ?? 0) + 1;
      activations.set(id, n);
      const special = onActivate(
        id,
        [...activations.values()].reduce((a, b) => a + b, 0),
      );
      if (special) return special;
      return { body: { Message: "OK", Bounce: present(world.find((x) => x.ID === id)!) } };
    }
    if (req.method === "POST" && /^\/message-streams\/outbound\/suppressions\/delete$/.test(p!)) {
      const list = (JSON.parse(req.body) as { Suppressions: { EmailAddress: string }[] }).Suppressions;
      return {
        body: {
          Suppressions: list.map((s) => ({
            EmailAddress: s.EmailAddress,
            Status: s.EmailAddress.includes("@") ? "Deleted" : "Failed",
            Message: s.EmailAddress.includes("@") ? null : "Invalid email address",
          })),
        },
      };
    }
    return { status: 404, body: { ErrorCode: 0, Message: `unexpected ${req.method} ${req.url}` } };
  };
  return { handler, activations };
}

/** Resolves when a worker lets go of a job (no timers: the runner says so). */
function jobEnds() {
  const waiting = new Map<number, ((how: string) => void)[]>();
  const seen = new Map<number, string[]>();
  return {
    onJobEnd(id: number, how: "finished" | "halted") {
      seen.set(id, [...(seen.get(id) ?? []), how]);
      for (const r of waiting.get(id) ?? []) r(how);
      waiting.delete(id);
    },
    next(id: number, skip = 0): Promise<string> {
      const already = seen.get(id) ?? [];
      if (already.length > skip) return Promise.resolve(already[skip]!);
      return new Promise((r) => waiting.set(id, [...(waiting.get(id) ?? []), r]));
    },
  };
}

let up: FakeUpstream;
let h: Harness;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(onActivate?: Parameters<typeof postmark>[0]) {
  const pm = postmark(onActivate);
  up = await startFakeUpstream(pm.handler);
  const ends = jobEnds();
  const sleeps: number[] = [];
  h = await createHarness({
    env: { POSTMARK_API_URL: up.url, POSTMARK_SERVER_TOKEN: "server-token-1" },
    jobs: { sleep: async (ms) => void sleeps.push(ms), onJobEnd: ends.onJobEnd, pollMs: 5 },
  });
  cleanups.push(async () => {
    await h.services.jobs.runner.stop();
    await h.cleanup();
    await up.close();
  });
  const operator = await h.addUser("olga", "operator");
  return { pm, ends, sleeps, operator };
}

const post = (cookie: string, body: unknown) =>
  h.request("/api/jobs", { method: "POST", cookie, body: JSON.stringify(body) });
const detail = async (cookie: string, id: number, q = "") =>
  (await (await h.request(`/api/jobs/${id}${q}`, { cookie })).json()) as JobDetailResponse;
const created = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { job: JobSummary }).job;
};
const planAll = { kind: "reactivation-plan", params: { serverId: null, selection: { by: "filter", filter: {} } } };

describe("planReactivation", () => {
  it("groups by address and says why each cannot be reactivated", () => {
    const lines = planReactivation(
      world.map((b) => ({ ...b, Name: b.Type, MessageStream: "outbound" })),
      [77],
    );
    const by = Object.fromEntries(lines.map((l) => [l.key, l.verdict]));
    expect(by).toEqual({
      "ana@example.com": "reactivatable",
      "spam@example.com": "spam-complaint",
      "fine@example.com": "active",
      "user4@example.com": "reactivatable",
      "user5@example.com": "reactivatable",
      "user6@example.com": "reactivatable",
      "user7@example.com": "reactivatable",
      "user8@example.com": "reactivatable",
      "bounce 77": "unknown",
    });
    // The newest activatable bounce of an address is the one reactivated.
    expect(lines.find((l) => l.key === "ana@example.com")!.detail).toMatchObject({ bounceId: 1, bounces: 2 });
  });
});

describe("jobs API", () => {
  it("refuses a viewer a bulk job, and a cross-site request, but lets a viewer export", async () => {
    await setup();
    const viewer = await h.addUser("vera", "viewer");
    const res = await post(viewer, planAll);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/operator or admin/);
    const removal = await post(viewer, {
      kind: "suppression-removal",
      params: { serverId: null, stream: "outbound", addresses: ["a@example.com"] },
    });
    expect(removal.status).toBe(403);
    const cross = await h.request("/api/jobs", {
      method: "POST",
      cookie: viewer,
      body: JSON.stringify(planAll),
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    expect(
      (await post(viewer, { kind: "export", params: { serverId: null, source: "bounces", filter: {} } })).status,
    ).toBe(201);
    expect((await h.request("/api/jobs")).status).toBe(401);
  });

  it("validates what it is asked to start", async () => {
    const { operator } = await setup();
    for (const bad of [
      { kind: "nope" },
      { kind: "reactivation-plan", params: { serverId: null, selection: { by: "ids", bounceIds: [] } } },
      { kind: "export", params: { serverId: null, source: "everything", filter: {} } },
    ]) {
      const res = await post(operator, bad);
      expect(res.status).toBe(400);
    }
    const early = await created(await post(operator, planAll));
    const run = await post(operator, { kind: "reactivation", params: { planJobId: early.id } });
    expect(run.status).toBe(409);
  });

  it("dry-runs, then reactivates; survives a restart mid-run without redoing finished items", async () => {
    const stopAfter = 3;
    let stopping: Promise<void> | null = null;
    const { pm, ends, operator } = await setup((_id, n) => {
      // The worker is told to stop while its third reactivation is on the wire.
      if (n === stopAfter) stopping = h.services.jobs.runner.stop();
      return null;
    });
    const plan = await created(await post(operator, planAll));
    await h.services.jobs.runner.start();
    expect(await ends.next(plan.id)).toBe("finished");
    const d = await detail(operator, plan.id);
    expect(d.job.status).toBe("succeeded");
    expect(d.verdicts).toEqual({ reactivatable: 6, "spam-complaint": 1, active: 1 });
    expect(d.job.result).toMatchObject({ reactivatable: 6, spamComplaint: 1, active: 1 });
    expect(pm.activations.size).toBe(0); // a dry run changes nothing

    const run = await created(await post(operator, { kind: "reactivation", params: { planJobId: plan.id } }));
    expect(run.total).toBe(6);
    expect(await ends.next(run.id)).toBe("halted");
    await stopping;
    const mid = await detail(operator, run.id);
    expect(mid.job.status).toBe("running");
    expect(mid.job.succeeded).toBe(stopAfter);
    // Another user (a viewer) sees the job and its progress, in the list and in detail.
    const vera = await h.addUser("vera", "viewer");
    const listed = (await (await h.request("/api/jobs", { cookie: vera })).json()) as { jobs: JobSummary[] };
    expect(listed.jobs.find((j) => j.id === run.id)).toMatchObject({
      status: "running",
      succeeded: stopAfter,
      createdBy: "olga",
    });
    expect((await detail(vera, run.id)).items.filter((i) => i.status === "succeeded")).toHaveLength(stopAfter);

    // A new Mailroom process on the same database picks the job up where it stopped.
    const ends2 = jobEnds();
    const second = createServices({
      config: h.config,
      store: h.store,
      logger: createMemoryLogger(),
      clock: h.clock,
      version: "test",
      jobs: { sleep: async () => {}, onJobEnd: ends2.onJobEnd, pollMs: 5 },
    });
    await second.jobs.runner.start();
    cleanups.push(() => second.jobs.runner.stop());
    expect(await ends2.next(run.id)).toBe("finished");
    const end = await detail(operator, run.id);
    expect(end.job).toMatchObject({ status: "succeeded", succeeded: 6, failed: 0, processed: 6 });
    expect(end.items.map((i) => i.status)).toEqual(Array(6).fill("succeeded"));
    expect([...pm.activations.values()]).toEqual(Array(6).fill(1));
    expect(pm.activations.has(2)).toBe(false); // the spam complaint was never tried
    expect(pm.activations.has(9)).toBe(false); // one call per address, with its newest bounce

    const audit = await h.store.audit.list({ limit: 100 });
    const actions = audit.records.map((r) => `${r.action}:${r.actor.name}`);
    expect(actions.filter((a) => a === "postmark.write:olga")).toHaveLength(6);
    expect(actions).toContain("job.created:olga");
    expect(actions).toContain("job.finished:olga");
  });

  it("retries 429 and 5xx with backoff, and records a per-address failure", async () => {
    let tries = 0;
    const { ends, sleeps, operator } = await setup((id) => {
      if (id === 4 && tries++ < 2)
        return { status: tries === 1 ? 429 : 503, body: { ErrorCode: 0, Message: "slow down" } };
      if (id === 5) return { status: 422, body: { ErrorCode: 1003, Message: "This bounce cannot be activated." } };
      return null;
    });
    const plan = await created(await post(operator, planAll));
    await h.services.jobs.runner.start();
    await ends.next(plan.id);
    const run = await created(await post(operator, { kind: "reactivation", params: { planJobId: plan.id } }));
    await ends.next(run.id);
    const d = await detail(operator, run.id);
    expect(d.job).toMatchObject({ status: "succeeded", succeeded: 5, failed: 1 });
    expect(d.items.find((i) => i.key === "user5@example.com")).toMatchObject({
      status: "failed",
      detail: { errorCode: 1003, error: "This bounce cannot be activated." },
    });
    expect(d.items.find((i) => i.key === "user4@example.com")!.status).toBe("succeeded");
    expect(sleeps).toContain(1000);
    expect(sleeps).toContain(2000);
  });

  it("cancels a running job at the next item", async () => {
    let cancelling: Response | Promise<Response> | null = null;
    let operatorCookie = "";
    const { ends, operator } = await setup((_id, n) => {
      if (n === 2) cancelling = h.request(`/api/jobs/${runId}/cancel`, { method: "POST", cookie: operatorCookie });
      return null;
    });
    operatorCookie = operator;
    let runId = 0;
    const plan = await created(await post(operator, planAll));
    await h.services.jobs.runner.start();
    await ends.next(plan.id);
    runId = (await created(await post(operator, { kind: "reactivation", params: { planJobId: plan.id } }))).id;
    await ends.next(runId);
    expect((await cancelling!).status).toBe(200);
    const d = await detail(operator, runId);
    expect(d.job.status).toBe("cancelled");
    expect(d.job.cancelRequestedBy).toBe("olga");
    expect(d.job.succeeded).toBeLessThan(6);
    expect((await h.request(`/api/jobs/${runId}/cancel`, { method: "POST", cookie: operator })).status).toBe(409);
  });

  it("stops when its creator loses the role that allowed it", async () => {
    const { ends, operator } = await setup((_id, n) => {
      if (n === 1)
        void h.store.users
          .byUsername("olga")
          .then((u) => h.store.users.update(u!.id, { role: "viewer", now: new Date().toISOString() }));
      return null;
    });
    const plan = await created(await post(operator, planAll));
    await h.services.jobs.runner.start();
    await ends.next(plan.id);
    const run = await created(await post(operator, { kind: "reactivation", params: { planJobId: plan.id } }));
    await ends.next(run.id);
    const admin = await h.login();
    const d = await detail(admin, run.id);
    expect(d.job.status).toBe("failed");
    expect(d.job.error).toMatch(/role is now viewer/);
    expect(d.job.succeeded).toBeLessThan(6);
  });

  it("removes suppressions in bulk with a result per address", async () => {
    const { ends, operator } = await setup();
    await h.services.jobs.runner.start();
    const job = await created(
      await post(operator, {
        kind: "suppression-removal",
        params: {
          serverId: null,
          stream: "outbound",
          addresses: ["a@example.com", "A@example.com", "not-an-address", "b@example.com"],
        },
      }),
    );
    await ends.next(job.id);
    const d = await detail(operator, job.id);
    expect(d.job).toMatchObject({ status: "succeeded", total: 3, succeeded: 2, failed: 1 });
    expect(d.items.find((i) => i.key === "not-an-address")).toMatchObject({
      status: "failed",
      detail: { error: "Invalid email address" },
    });
  });

  it("resumes an export after a restart from its last finished window, losing and repeating no row", async () => {
    const { ends, operator } = await setup();
    const now = easternNowSeconds(h.clock());
    // 25,000 messages a minute apart: more than two ceilings, so the walk reads several windows.
    outbound = Array.from({ length: 25_000 }, (_, i) => ({ id: `msg-${i}`, at: now - 3_600 - i * 60 }));
    const seen: URLSearchParams[] = [];
    let stopping: Promise<void> | null = null;
    // The worker is told to stop well into its second window (its first has ~6,250 rows, 13 pages).
    onOutboundSearch = (n, q) => {
      seen.push(q);
      if (n === 30) stopping = h.services.jobs.runner.stop();
    };
    const job = await created(
      await post(operator, { kind: "export", params: { serverId: null, source: "outbound", filter: {} } }),
    );
    await h.services.jobs.runner.start();
    expect(await ends.next(job.id)).toBe("halted");
    await stopping;
    const mid = await detail(operator, job.id);
    expect(mid.job.status).toBe("running");
    const saved = (mid.job.result as { resume: { rows: number; done: { from: number; to: number }[] } }).resume;
    expect(saved.done.length).toBeGreaterThan(0);
    expect(saved.rows).toBeGreaterThan(0);
    expect(mid.job.processed).toBeGreaterThan(saved.rows); // rows of the half-read window, to be cut off

    // A new Mailroom process on the same database picks the export up where it stopped.
    seen.length = 0;
    onOutboundSearch = (_n, q) => void seen.push(q);
    const ends2 = jobEnds();
    const second = createServices({
      config: h.config,
      store: h.store,
      logger: createMemoryLogger(),
      clock: h.clock,
      version: "test",
      jobs: { sleep: async () => {}, onJobEnd: ends2.onJobEnd, pollMs: 5 },
    });
    cleanups.push(() => second.jobs.runner.stop());
    await second.jobs.runner.start();
    expect(await ends2.next(job.id)).toBe("finished");
    const end = await detail(operator, job.id);
    expect(end.job).toMatchObject({
      status: "succeeded",
      result: { rows: outbound.length, resumed: true, duplicates: 0 },
    });
    // No window finished before the restart is asked for again.
    for (const q of seen) {
      const from = parsePostmarkDate(q.get("fromdate")!, false)!;
      const to = parsePostmarkDate(q.get("todate")!, true)!;
      expect(
        saved.done.some((d) => from <= d.to && to >= d.from),
        `${q}`,
      ).toBe(false);
      expect(Number(q.get("offset")) + Number(q.get("count"))).toBeLessThanOrEqual(POSTMARK_CEILING);
    }
    const lines = (await (await h.request(end.job.download!, { cookie: operator })).text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^MessageID,/);
    const ids = lines.slice(1).map((l) => l.split(",")[0]);
    expect(ids).toHaveLength(outbound.length);
    expect(new Set(ids).size).toBe(outbound.length);
    expect(new Set(ids)).toEqual(new Set(outbound.map((m) => m.id)));
  });

  it("exports a search as CSV with formulas neutralised, downloadable once done", async () => {
    const { ends, operator } = await setup();
    await h.services.jobs.runner.start();
    const job = await created(
      await post(operator, {
        kind: "export",
        params: { serverId: null, source: "bounces", filter: { type: "HardBounce" } },
      }),
    );
    expect((await h.request(`/api/jobs/${job.id}/download`, { cookie: operator })).status).not.toBe(500);
    await ends.next(job.id);
    const d = await detail(operator, job.id);
    expect(d.job).toMatchObject({
      status: "succeeded",
      result: { rows: world.length, expected: world.length, duplicates: 0 },
      download: `/api/jobs/${job.id}/download`,
    });
    const file = await h.request(d.job.download!, { cookie: operator });
    expect(file.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await file.text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(world.length + 1);
    expect(lines[0]).toMatch(/^ID,BouncedAt,Email/);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(
      up.seen
        .filter((s) => s.url.startsWith("/bounces?"))
        .every((s) => s.url.includes("type=HardBounce") && s.url.includes("fromdate=")),
    ).toBe(true);
  });
});
