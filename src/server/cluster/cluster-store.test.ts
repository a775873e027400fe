// What several instances coordinate through the database, tested in-process: each "instance" is
// a store of its own (its own connection pool) on one shared PostgreSQL schema. The counters and
// the periodic runner also run on SQLite (one instance). Needs TEST_DATABASE_URL for PostgreSQL.
import crypto from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApprovalItem, ApprovalLinkResponse } from "../../contract/api/approvals";
import { createEventsRepo, type NewEventRow } from "../events/events-repo";
import { createMemoryLogger } from "../logger";
import { migrations } from "../store/migrations/index";
import { openStore, type Store } from "../store/index";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { testClock } from "../test-support/harness";
import {
  appOnStore,
  bouncePayload,
  suppressDoc,
  until,
  upstreamHandler,
  workCalls,
  type TestApp,
} from "../test-support/workflow-harness";
import { stepRow } from "../workflows/run-rows";
import { createRunsRepo, LeaseLost } from "../workflows/runs-repo";
import { createPeriodicRunner } from "./periodic";

if (!pgUrl)
  console.info(
    "[mailroom] TEST_DATABASE_URL is not set: the PostgreSQL multi-instance tests are SKIPPED (the SQLite ones ran).",
  );

/** `n` stores on one database: separate pools on one PostgreSQL schema, or the same SQLite store. */
async function instancesOf(kind: "sqlite" | "postgres", n: number) {
  if (kind === "sqlite") {
    const t = await sqliteTestStore();
    return { stores: Array.from({ length: n }, () => t.store), cleanup: t.cleanup };
  }
  const first = await pgTestStore(pgUrl!);
  const more = await Promise.all(
    Array.from({ length: n - 1 }, () => openStore({ kind: "postgres", url: pgUrl!, schema: first.schema })),
  );
  return {
    stores: [first.store, ...more],
    async cleanup() {
      await Promise.all(more.map((s) => s.close()));
      await first.cleanup();
    },
  };
}

const kinds = (["sqlite", "postgres"] as const).filter((k) => k === "sqlite" || pgUrl);

describe.each(kinds)("counters and periodic tasks across instances (%s)", (kind) => {
  let stores: Store[];
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ stores, cleanup } = await instancesOf(kind, 3));
  });
  afterEach(async () => cleanup());

  it("counts concurrent hits from every instance, and `once` is true for exactly one of them", async () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    const hits = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.counters.hit("k", now, 60_000)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const claims = await Promise.all(
      Array.from({ length: 9 }, (_, i) => stores[i % 3]!.counters.once("push:approval:1", now, 60_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    // A new window starts again at 1; an idle window restarts only after a quiet spell.
    expect((await stores[0]!.counters.hit("k", now + 60_000, 60_000)).count).toBe(1);
    expect((await stores[1]!.counters.hit("i", now, 1_000, "idle")).count).toBe(1);
    expect((await stores[2]!.counters.hit("i", now + 900, 1_000, "idle")).count).toBe(2);
    expect((await stores[0]!.counters.hit("i", now + 1_800, 1_000, "idle")).count).toBe(3);
    expect((await stores[0]!.counters.hit("i", now + 2_800, 1_000, "idle")).count).toBe(1);
    expect(await stores[1]!.counters.sweep(now + 1)).toBe(1);
  });

  it("runs a periodic task once per period across instances, and another instance takes over a lapsed lease", async () => {
    const clock = testClock();
    const logger = createMemoryLogger();
    let runs = 0;
    let gate: (() => void) | null = null;
    const runners = stores.map((s) => createPeriodicRunner({ db: s.db, clock, logger }));
    for (const r of runners) r.register({ name: "t", everyMs: 60_000, leaseMs: 10_000, run: async () => void runs++ });
    const tickAll = async () => (await Promise.all(runners.map((r) => r.check("t")))).sort();

    expect(await tickAll()).toEqual(["not_due", "not_due", "ran"]);
    expect(runs).toBe(1);
    clock.advance(59_999);
    expect(await tickAll()).toEqual(["not_due", "not_due", "not_due"]);
    clock.advance(1);
    expect(await tickAll()).toEqual(["not_due", "not_due", "ran"]);
    expect(runs).toBe(2);

    // Instance 0 claims "slow" and stalls: while its lease holds nobody else runs it, even when due;
    // once the lease lapsed (a dead instance renews nothing) the next due check elsewhere runs it.
    const stalled = stores.map((s) => createPeriodicRunner({ db: s.db, clock, logger }));
    stalled.forEach((r, i) =>
      r.register({
        name: "slow",
        everyMs: 60_000,
        leaseMs: 90_000,
        run: () => (i === 0 ? new Promise<void>((res) => (gate = res)) : Promise.resolve(void runs++)),
      }),
    );
    const first = stalled[0]!.check("slow");
    await until(async () => gate !== null);
    expect(await stalled[1]!.check("slow")).toBe("not_due");
    clock.advance(60_000);
    expect(await stalled[1]!.check("slow")).toBe("not_due");
    clock.advance(30_000);
    expect(await stalled[1]!.check("slow")).toBe("ran");
    gate!();
    expect(await first).toBe("ran");
    expect(await stalled[2]!.check("slow")).toBe("not_due");
    for (const r of [...runners, ...stalled]) await r.stop();
  });
});

describe.each(kinds)("the audit chain across instances (%s)", (kind) => {
  let stores: Store[];
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ stores, cleanup } = await instancesOf(kind, 3));
    const key = crypto.randomBytes(32);
    // One store object serves every "instance" on SQLite: its key is set once.
    for (const s of new Set(stores)) s.audit.useKey(key);
  });
  afterEach(async () => cleanup());
  const at = () => new Date().toISOString();
  const append = (s: Store, target: string) => s.audit.record({ actor: "system", action: "test.chain", target }, at());

  it("stays one unforked chain while every instance appends batches at once", async () => {
    for (let round = 0; round < 8; round++)
      await Promise.all(
        stores.flatMap((s, i) =>
          Array.from({ length: 1 + ((round + i) % 5) }, (_, j) => append(s, `${round}:${i}:${j}`)),
        ),
      );
    const v = await stores[1]!.audit.verify(at());
    expect(v).toMatchObject({ intact: true });
    const { records } = await stores[2]!.audit.list({ action: "test.chain", limit: 500 });
    expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: records.length }, (_, i) => i + 1),
    );
    expect(new Set(records.map((r) => r.target)).size).toBe(records.length);
  });

  it.skipIf(kind === "sqlite")(
    "appends in one statement while the head is the one it saw, and after another instance's append too",
    async () => {
      const [a, b] = stores as [Store, Store];
      const transactions = vi.spyOn(a.db, "transaction");
      await append(a, "first"); // the first append of a process takes the locked transaction (and writes the marker)
      expect(transactions).toHaveBeenCalledTimes(1);
      await append(a, "second");
      await append(a, "third");
      await append(b, "elsewhere");
      const after = await append(a, "after another instance");
      expect(transactions).toHaveBeenCalledTimes(1);
      expect(after.seq).toBe(5);
      expect(await a.audit.verify(at())).toMatchObject({ intact: true, checked: 5 });
      transactions.mockRestore();
    },
  );

  it.skipIf(kind === "sqlite")(
    "appends through the locked transaction when the head row cannot be read as seq:hash",
    async () => {
      const [a, b] = stores as [Store, Store];
      await append(a, "first");
      await append(b, "second");
      await sql`update settings set value = 'not a head' where key = 'audit.head'`.execute(a.db);
      const third = await append(a, "third");
      expect(third.seq).toBe(3);
      expect(await b.audit.verify(at())).toMatchObject({ intact: true, checked: 3 });
    },
  );
});

describe.skipIf(!pgUrl)("PostgreSQL primitives for several instances (needs TEST_DATABASE_URL)", () => {
  it("migrates once when three instances start together on an empty schema", async () => {
    const schema = `mailroom_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl! });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore({ kind: "postgres", url: pgUrl!, schema })));
      const rows = await stores[0]!.db.selectFrom("mailroom_migrations").select("version").orderBy("version").execute();
      expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });

  it("never lets a reader see an event id while a lower one can still commit (two writers, the lower id commits later)", async () => {
    const { stores, cleanup } = await instancesOf("postgres", 3);
    try {
      const [w1, w2, reader] = stores.map((s) => createEventsRepo(s.db));
      const row = (n: string): NewEventRow => ({
        trigger: "delivery",
        server_id: 1,
        message_stream: "outbound",
        recipient: null,
        sender: null,
        tag: n,
        message_id: null,
        subject: null,
        detail: null,
        received_at: new Date().toISOString(),
        dedupe_key: `k-${n}-${crypto.randomUUID()}`,
        payload: "{}",
        payload_size: 2,
        unrecognised: 0,
        test: 0,
        problem: null,
      });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let firstIds: Map<string, number> | null = null;
      // Writer 1 draws its id and keeps its transaction open.
      const one = stores[0]!.db.transaction().execute(async (trx) => {
        firstIds = await w1!.insertInTransaction(trx, [row("first")]);
        await held;
      });
      await until(async () => firstIds !== null);
      // Writer 2 starts after writer 1 drew its id; it must not commit a higher id meanwhile.
      let secondDone = false;
      const two = w2!.insertMany([row("second")]).then((ids) => ((secondDone = true), ids));
      const waiting = async () =>
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory' and query like 'insert into "events"%'`.execute(
            stores[2]!.db,
          )
        ).rows[0]!.n > 0;
      await until(async () => secondDone || (await waiting()), 10_000);
      // Writer 2 waits before drawing an id (the lock is taken before the statement does anything).
      const drawn = await sql<{
        last: string;
      }>`select last_value as last from events_id_seq`.execute(stores[2]!.db);
      expect(Number(drawn.rows[0]!.last)).toBe([...firstIds!.values()][0]);
      // What a live feed would read now: nothing past the open lower id.
      expect((await reader!.pageAfter({}, 0, 10)).map((r) => r.tag)).toEqual([]);
      expect(secondDone).toBe(false);
      release();
      await one;
      const secondIds = await two;
      const firstId = [...firstIds!.values()][0]!;
      const secondId = [...secondIds.values()][0]!;
      expect(secondId).toBeGreaterThan(firstId);
      expect((await reader!.pageAfter({}, 0, 10)).map((r) => r.tag)).toEqual(["first", "second"]);
    } finally {
      await cleanup();
    }
  });
});

describe.skipIf(!pgUrl)(
  "approvals, signed links and the login throttle across two instances (needs TEST_DATABASE_URL)",
  () => {
    let up: FakeUpstream;
    let first: TestStore & { schema: string };
    let second: Store;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      up = await startFakeUpstream(upstreamHandler(() => null));
    });
    afterAll(async () => up.close());
    beforeEach(async () => {
      up.reset();
      first = await pgTestStore(pgUrl!);
      second = await openStore({ kind: "postgres", url: pgUrl!, schema: first.schema });
      a = await appOnStore({
        store: first.store,
        dir: "/tmp",
        upstreamUrl: up.url,
        env: { PUBLIC_URL: "https://mailroom.example.com" },
      });
      b = await appOnStore({
        store: second,
        dir: "/tmp",
        upstreamUrl: up.url,
        bootstrap: false,
        env: { PUBLIC_URL: "https://mailroom.example.com" },
      });
    });
    afterEach(async () => {
      await a.engine.stop();
      await b.engine.stop();
      await second.close();
      await first.cleanup();
    });

    async function parkOne(admin: string): Promise<ApprovalItem> {
      const { id } = (await (
        await a.request("/api/workflows", {
          method: "POST",
          cookie: admin,
          json: suppressDoc({}, { approval: "required" }),
        })
      ).json()) as { id: number };
      await a.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin });
      await a.engine.start((l) => a.services.events.bus.subscribe(l));
      a.publish(1, "bounce", bouncePayload());
      return until(
        async () =>
          ((await (await a.request("/api/approvals", { cookie: admin })).json()) as { approvals: ApprovalItem[] })
            .approvals[0],
      );
    }

    it("executes an approved step once when both instances decide at the same moment, and a link works once on either", async () => {
      const admin = await a.login();
      const alice = await a.addUser("alice", "approver");
      const item = await parkOne(admin);
      // The session made on A is valid on B (sessions live in the database).
      const results = await Promise.all(
        [a, b, a, b].map((app) =>
          app.request(`/api/approvals/${item.id}/approve`, { method: "POST", cookie: alice, json: {} }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      expect(workCalls(up.seen)).toHaveLength(1);

      const other = await parkOne(admin);
      const link = (await (
        await a.request(`/api/approvals/${other.id}/link`, { method: "POST", cookie: alice })
      ).json()) as ApprovalLinkResponse;
      const token = link.url.split("/approve/")[1]!;
      const uses = await Promise.all(
        [a, b].map((app) => app.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie: alice })),
      );
      // The loser is refused: 410 when the link was used up first, 409 when it found the item decided.
      const [won, lost] = uses.map((r) => r.status).sort();
      expect(won).toBe(200);
      expect([409, 410]).toContain(lost);
      expect((await b.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie: alice })).status).toBe(
        410,
      );
      expect(workCalls(up.seen)).toHaveLength(2);
    });

    it("wakes another instance's idle workers when runs are queued, instead of leaving them to its next poll", async () => {
      const admin = await a.login();
      const { id } = (await (
        await a.request("/api/workflows", { method: "POST", cookie: admin, json: suppressDoc() })
      ).json()) as { id: number };
      await a.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin });
      // B is idle and has looked for queued runs once; it polls only every minute (the harness's pollMs).
      await b.engine.start();
      // A takes no runs of its own (stopped: no room), so the run it creates is queued for any instance.
      await a.engine.stop();
      const [runId] = await a.engine.startRuns({ id: null, trigger: "bounce", serverId: 1, payload: bouncePayload() });
      const done = await until(async () => {
        const r = await b.services.workflows.runs.get(runId!);
        return r?.status === "succeeded" ? r : null;
      }, 20_000);
      expect(done.status).toBe("succeeded");
      expect(workCalls(up.seen)).toHaveLength(1);
    });

    it("throttles sign-in failures counted on both instances together", async () => {
      const attempt = (app: TestApp) =>
        app.request("/api/auth/login", { method: "POST", json: { username: "admin", password: "wrong-password-1" } });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt(i % 2 ? b : a)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      expect((await attempt(a)).status).toBe(429);
      expect((await attempt(b)).status).toBe(429);
    });
  },
);

/** An app on `store` with one saved (not enabled) suppress workflow: the app, the workflow's id and its version 1. */
async function appWithWorkflow(store: Store, upstreamUrl: string) {
  const a = await appOnStore({ store, dir: "/tmp", upstreamUrl });
  const cookie = await a.login();
  const { id } = (await (
    await a.request("/api/workflows", { method: "POST", cookie, json: suppressDoc() })
  ).json()) as { id: number };
  return { a, id, version: (await a.services.workflows.workflows.version(id, 1))! };
}

describe.skipIf(!pgUrl)("the engine's merged step writes on PostgreSQL (needs TEST_DATABASE_URL)", () => {
  it("writes several runs' steps in flight in one statement, none for a run whose lease is lost; then their outcomes", async () => {
    const { stores, cleanup } = await instancesOf("postgres", 1);
    const up = await startFakeUpstream(upstreamHandler(() => null));
    try {
      const { a, id, version } = await appWithWorkflow(stores[0]!, up.url);
      const runs = a.services.workflows.runs;
      const ids: number[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(
          await a.engine.createRun(
            id,
            version.id,
            1,
            { id: null, trigger: "bounce", serverId: 1, payload: bouncePayload() },
            { createdBy: "test" },
          ),
        );
      await a.engine.stop();
      const t0 = "2030-01-01T00:00:00.000Z";
      for (const r of ids) await runs.claimById(r, "engine-a", t0);
      // The second run was taken over by another engine.
      const taken = (await runs.get(ids[1]!))!;
      expect(await runs.takeOver(taken, "engine-b", "2030-01-01T00:00:01.000Z")).toBe(true);

      const at = (i: number) => `2030-01-01T00:00:0${2 + i}.000Z`;
      const held = ids.map((r, i) => ({
        row: stepRow(r, 0, "suppress", "action", "in_flight", { request: `{"n":${i}}`, started_at: at(i) }),
        owner: "engine-a",
        now: at(i),
      }));
      const stepIds = await runs.stepsHeld.many(held, stores[0]!.db);
      expect(stepIds[1]).toBeNull();
      expect(stepIds[0]).toBeTypeOf("number");
      expect(stepIds[2]).toBeTypeOf("number");
      expect(await runs.steps(ids[1]!)).toEqual([]);
      for (const i of [0, 2]) {
        expect((await runs.get(ids[i]!))!.claimed_at).toBe(at(i));
        expect((await runs.steps(ids[i]!)).map((s) => [s.id, s.status, s.request, s.started_at, s.step_index])).toEqual(
          [[stepIds[i], "in_flight", `{"n":${i}}`, at(i), 0]],
        );
      }
      expect((await runs.get(ids[1]!))!.claimed_by).toBe("engine-b");

      await runs.outcomes.many(
        [0, 2].map((i) => ({
          stepId: stepIds[i]!,
          stepPatch: { status: "succeeded", response_status: 200 + i, response: `{"i":${i}}`, error: null },
          runId: ids[i]!,
          runPatch: { status: "succeeded", next_step: 1, claimed_by: null },
        })),
        stores[0]!.db,
      );
      for (const i of [0, 2]) {
        expect((await runs.steps(ids[i]!)).map((s) => [s.status, s.response_status, s.response, s.error])).toEqual([
          ["succeeded", 200 + i, `{"i":${i}}`, null],
        ]);
        expect((await runs.get(ids[i]!))!).toMatchObject({ status: "succeeded", next_step: 1, claimed_by: null });
      }
      expect((await runs.get(ids[1]!))!.status).toBe("running");
      expect(workCalls(up.seen)).toHaveLength(0);
    } finally {
      await up.close();
      await cleanup();
    }
  });
});

describe.each(kinds)("workflow run leases (%s)", (kind) => {
  it("lets another engine take over only a lapsed lease, and fences the engine that lost it", async () => {
    const { stores, cleanup } = await instancesOf(kind, 2);
    const up = await startFakeUpstream(upstreamHandler(() => null));
    try {
      const { a, id, version } = await appWithWorkflow(stores[0]!, up.url);
      const runId = await a.engine.createRun(
        id,
        version.id,
        1,
        { id: null, trigger: "bounce", serverId: 1, payload: bouncePayload() },
        { createdBy: "test" },
      );
      const runsA = a.services.workflows.runs;
      const runsB = createRunsRepo(stores[1]!.db, stores[1]!.dialect);

      const t0 = "2030-01-01T00:00:00.000Z";
      const claimed = (await runsA.claimById(runId, "engine-a", t0))!;
      await runsA.holdLease(runId, "engine-a", "2030-01-01T00:00:01.000Z");
      // B saw the run with an older lease time: A renewed since, so B's compare-and-set fails.
      expect(await runsB.takeOver(claimed, "engine-b", "2030-01-01T00:10:00.000Z")).toBe(false);
      const seen = (await runsB.abandoned("2030-01-01T00:05:00.000Z")).find((r) => r.id === runId)!;
      expect(seen.claimed_by).toBe("engine-a");
      const both = await Promise.all([
        runsB.takeOver(seen, "engine-b", "2030-01-01T00:10:00.000Z"),
        runsA.takeOver(seen, "engine-c", "2030-01-01T00:10:00.000Z"),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
      // The engine that stalled past its lease may not record (and so not make) its next call.
      await expect(runsA.holdLease(runId, "engine-a", "2030-01-01T00:10:01.000Z")).rejects.toBeInstanceOf(LeaseLost);
      // Nor write its step in flight (with the lease renewal, one statement on PostgreSQL); the new holder may.
      const inFlight = stepRow(runId, 0, "suppress", "action", "in_flight", { request: "{}" });
      await expect(runsA.insertStepHeld(inFlight, "engine-a", "2030-01-01T00:10:01.000Z")).rejects.toBeInstanceOf(
        LeaseLost,
      );
      expect(await runsA.steps(runId)).toEqual([]);
      const holder = both[0] ? "engine-b" : "engine-c";
      const stepId = await runsB.insertStepHeld(inFlight, holder, "2030-01-01T00:10:02.000Z");
      expect((await runsA.get(runId))!.claimed_at).toBe("2030-01-01T00:10:02.000Z");
      // The outcome and the run's end are written together.
      await runsB.updateStepAndRun(stepId, { status: "succeeded", response_status: 200 }, runId, {
        status: "succeeded",
        claimed_by: null,
      });
      expect((await runsA.steps(runId)).map((r) => [r.status, r.response_status, r.request])).toEqual([
        ["succeeded", 200, "{}"],
      ]);
      expect((await runsA.get(runId))!.status).toBe("succeeded");
      expect(workCalls(up.seen)).toHaveLength(0);
      await a.engine.stop();
    } finally {
      await up.close();
      await cleanup();
    }
  });
});
