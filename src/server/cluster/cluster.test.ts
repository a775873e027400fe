// Three real Mailroom processes sharing one PostgreSQL schema, started together on an empty
// schema (concurrent migrations and first start), behind no load balancer: the test spreads
// webhooks over them round-robin the way one would, and retries what was not acknowledged on the
// next instance the way Postmark retries. Needs TEST_DATABASE_URL; skipped (and says so) without.
import http from "node:http";
import crypto from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgUrl } from "../test-support/databases";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { pgSchema, startInstance, type Instance } from "../test-support/instances";
import { openSse, type SseClient } from "../test-support/sse-client";
import { examplePayload, webhookEnv, webhookHeaders } from "../test-support/webhooks";
import { ACCOUNT, bouncePayload, suppressDoc, upstreamHandler } from "../test-support/workflow-harness";

if (!pgUrl) console.info("[mailroom] TEST_DATABASE_URL is not set: the three-instance cluster tests are SKIPPED.");

const PORTS = [9180, 9181, 9182];
const PASSWORD = "cluster-admin-password";
// Safety nets only (conditions are awaited, never times): generous, the CI machine may be busy.
const LONG = Number(process.env.CLUSTER_LONG ?? 300_000);
// A test's own limit is longer than any wait inside it, so a slow condition reports what it waited for.
const TEST_LIMIT = 3 * LONG;

/** Polls `check` until it returns a value (conditions, not timings: the limit is only a safety net). */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = LONG): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`not reached in time: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
/** One webhook POST; 0 when the instance could not be reached. */
function postWebhook(port: number, body: string, trace: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/webhooks/postmark?server=1",
        agent,
        headers: webhookHeaders({ trace }),
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
    req.end(body);
  });
}

interface Sent {
  body: string;
  trace: string;
  acked: boolean;
}

/**
 * Sends every payload, `concurrency` at a time, starting round-robin; a payload not acknowledged
 * is retried on the next instance (same trace id, as Postmark retries). `onAck` sees each 200.
 */
async function sendAll(
  instances: () => Instance[],
  payloads: Record<string, unknown>[],
  concurrency = 12,
  onAck?: (n: number) => void,
) {
  const sent: Sent[] = payloads.map((p) => ({ body: JSON.stringify(p), trace: crypto.randomUUID(), acked: false }));
  let next = 0;
  let acked = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sent.length) {
        const i = next++;
        const e = sent[i]!;
        for (let attempt = 0; !e.acked; attempt++) {
          const list = instances();
          const status = await postWebhook(list[(i + attempt) % list.length]!.port, e.body, e.trace);
          if (status === 200) {
            e.acked = true;
            onAck?.(++acked);
          } else if (attempt > 50) throw new Error(`webhook never acknowledged (last status ${status})`);
        }
      }
    }),
  );
  return sent;
}

const ids = (c: SseClient) => c.messages.map((m) => Number(m.id));
const strictlyIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe.skipIf(!pgUrl)("three instances sharing PostgreSQL (needs TEST_DATABASE_URL)", () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  let db: pg.Client;
  let up: FakeUpstream;
  let instances: Instance[] = [];
  let cookie = "";
  const alive = () => instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);

  beforeAll(async () => {
    up = await startFakeUpstream(
      upstreamHandler((r) => (r.url.includes("/suppressions") ? { body: { Suppressions: [] } } : null)),
    );
    schema = await pgSchema(pgUrl!);
    db = await schema.client();
    const env = {
      ...webhookEnv,
      DATABASE_URL: schema.url,
      DATABASE_POOL_SIZE: "4",
      MAILROOM_SECRET: "cluster-test-secret-0123456789",
      ADMIN_PASSWORD: PASSWORD,
      POSTMARK_API_URL: up.url,
      POSTMARK_ACCOUNT_TOKEN: ACCOUNT,
      POSTMARK_SERVER_TOKEN: "srv-1",
      POSTMARK_TIMEOUT_MS: "5000",
      // Short, so that the SIGKILL test sees a lease lapse; still longer than a Postmark call may take.
      WORKFLOW_LEASE_SECONDS: "10",
    };
    // All three at once on an empty schema: migrations, first admin and webhook setup race.
    instances = PORTS.map((p) => startInstance(p, env));
    await Promise.all(instances.map((i) => i.ready));
    const res = await fetch(`${instances[0]!.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }, LONG);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.kill("SIGKILL")));
    agent.destroy();
    await db?.end();
    await up?.close();
    await schema?.drop();
  });

  it("migrated once and made one admin; a session made on one instance works on the others", async () => {
    const versions = (await db.query("select version from mailroom_migrations order by version")).rows.map(
      (r: { version: number }) => r.version,
    );
    expect(new Set(versions).size).toBe(versions.length);
    expect(Number((await db.query("select count(*) as n from users where username = 'admin'")).rows[0].n)).toBe(1);
    for (const i of instances)
      expect((await fetch(`${i.url}/api/auth/session`, { headers: { cookie } })).status).toBe(200);
  });

  it(
    "streams events posted round-robin to all three on every instance, in id order, no gap, no duplicate; Last-Event-ID resumes on another instance",
    async () => {
      const clients = instances.map((i) => openSse(i.port, "/api/events/stream", { cookie }));
      await Promise.all(clients.map((c) => c.waitFor(() => c.comments.includes("connected"), LONG)));
      const N = 300;
      const sent = await sendAll(
        () => instances,
        Array.from({ length: N }, (_, i) => examplePayload("delivery", { Tag: `rr-${i}` })),
      );
      expect(sent.every((s) => s.acked)).toBe(true);
      await Promise.all(clients.map((c) => c.waitFor(() => c.messages.length >= N, LONG)));

      const stored = (await db.query("select id from events where tag like 'rr-%' order by id")).rows.map(
        (r: { id: string }) => Number(r.id),
      );
      expect(stored).toHaveLength(N);
      for (const c of clients) {
        expect(ids(c)).toEqual(stored);
        expect(strictlyIncreasing(ids(c))).toBe(true);
      }

      // Read 100 on A, then reconnect to B with the last id seen while events keep arriving.
      const seen = stored[99]!;
      const more = sendAll(
        () => instances,
        Array.from({ length: 60 }, (_, i) => examplePayload("delivery", { Tag: `rr-more-${i}` })),
      );
      const resumed = openSse(instances[1]!.port, "/api/events/stream", { cookie, "last-event-id": String(seen) });
      await more;
      const all = (await db.query("select id from events where tag like 'rr-%' order by id")).rows.map(
        (r: { id: string }) => Number(r.id),
      );
      expect(all).toHaveLength(N + 60);
      await resumed.waitFor(() => resumed.messages.length >= all.length - 100, LONG);
      expect(ids(resumed)).toEqual(all.slice(100));
      for (const c of [...clients, resumed]) c.close();
    },
    TEST_LIMIT,
  );

  it(
    "a burst of 1,000 workflow runs executes each step exactly once across the three",
    async () => {
      const created = await fetch(`${instances[0]!.url}/api/workflows`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(suppressDoc()),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: number };
      expect(
        (await fetch(`${instances[0]!.url}/api/workflows/${id}/enable`, { method: "POST", headers: { cookie } }))
          .status,
      ).toBe(200);

      up.reset();
      const N = 1_000;
      await sendAll(
        () => instances,
        Array.from({ length: N }, (_, i) =>
          bouncePayload({ Email: `burst-${i}@example.com`, MessageID: crypto.randomUUID() }),
        ),
        16,
      );
      // Wait until the catch-up pass has handed over every burst event and no run is busy, then
      // count: a run that was never started shows as a shortfall, a stuck one by its status.
      const last = Number((await db.query("select max(id) as id from events")).rows[0].id);
      const statuses = await until("every burst event handed over and every run at rest", async () => {
        const cursor = Number(
          (await db.query("select value from settings where key = 'workflows.event-cursor'")).rows[0]?.value ?? 0,
        );
        const rows = (await db.query("select status, count(*) as n from workflow_runs group by status")).rows as {
          status: string;
          n: string;
        }[];
        const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
        return cursor >= last && !by.queued && !by.running ? by : null;
      });
      expect(statuses).toEqual({ succeeded: N });

      const calls = suppressionCalls(up);
      expect(calls.length).toBe(N);
      expect(new Set(calls).size).toBe(N);
      expect(Number((await db.query("select count(*) as n from workflow_runs")).rows[0].n)).toBe(N);
    },
    TEST_LIMIT,
  );

  it(
    "an instance killed with SIGKILL mid-burst loses no acknowledged event and no run, and no step runs twice",
    async () => {
      up.reset();
      const N = 600;
      const before = Number((await db.query("select count(*) as n from workflow_runs")).rows[0].n);
      let killed: Promise<void> | null = null;
      const sent = await sendAll(
        alive,
        Array.from({ length: N }, (_, i) =>
          bouncePayload({ Email: `kill-${i}@example.com`, MessageID: crypto.randomUUID() }),
        ),
        16,
        (n) => {
          // Mid-burst: instance C dies with webhooks, runs and steps in flight.
          if (n === 200) killed = instances[2]!.kill("SIGKILL");
        },
      );
      await killed;
      expect(sent.every((s) => s.acked)).toBe(true);
      expect(alive()).toHaveLength(2);

      // Every acknowledged event is stored exactly once.
      const emails = (await db.query("select payload from events where payload like '%kill-%'")).rows.map(
        (r: { payload: string }) => (JSON.parse(r.payload) as { Email: string }).Email,
      );
      expect(emails).toHaveLength(N);
      expect(new Set(emails).size).toBe(N);

      // Every event has its run, and every run comes to rest once C's leases lapse.
      await until("every run at rest", async () => {
        const r = (
          await db.query(
            "select count(*) filter (where status in ('succeeded', 'waiting')) as rest, count(*) as n from workflow_runs",
          )
        ).rows[0];
        return Number(r.n) === before + N && Number(r.rest) === before + N;
      });

      // No step ran twice; a step C had in flight is never re-sent: it waits for a person, marked uncertain.
      const calls = suppressionCalls(up);
      const counts = new Map<string, number>();
      for (const e of calls) counts.set(e, (counts.get(e) ?? 0) + 1);
      expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
      const waiting = (
        await db.query(
          `select r.payload, a.uncertain from workflow_runs r join approvals a on a.run_id = r.id and a.status = 'pending' where r.status = 'waiting' and r.payload like '%kill-%'`,
        )
      ).rows.map((r: { payload: string; uncertain: number }) => ({
        email: (JSON.parse(r.payload) as { Email: string }).Email.toLowerCase(),
        uncertain: Number(r.uncertain),
      }));
      expect(waiting.every((w) => w.uncertain === 1)).toBe(true);
      const succeeded = (
        await db.query("select payload from workflow_runs where status = 'succeeded' and payload like '%kill-%'")
      ).rows.map((r: { payload: string }) => (JSON.parse(r.payload) as { Email: string }).Email.toLowerCase());
      expect(succeeded.length + waiting.length).toBe(N);
      for (const e of succeeded) expect(counts.get(e)).toBe(1);
      for (const w of waiting) expect(counts.get(w.email) ?? 0).toBeLessThanOrEqual(1);
    },
    TEST_LIMIT,
  );
});

/** The address of every suppression call the fake Postmark received. */
function suppressionCalls(up: FakeUpstream): string[] {
  return up.seen
    .filter((s) => s.url.includes("/suppressions"))
    .map((s) => (JSON.parse(s.body) as { Suppressions: { EmailAddress: string }[] }).Suppressions[0]!.EmailAddress);
}
