import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditResponse } from "../../contract/api/audit";
import { createHashLimiter } from "../auth/hash-limiter";
import { ADMIN_PASSWORD, createHarness, type Harness } from "../test-support/harness";

function deferred<T = undefined>() {
  let resolve!: (v?: T) => void;
  const promise = new Promise<T | undefined>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves once `n` of the given promises have settled, with their results so far. */
function whenSettled<T>(promises: Promise<T>[], n: number) {
  const done = deferred<T[]>();
  const settled = done.promise.then((v) => v ?? []);
  const results: T[] = [];
  for (const p of promises) {
    void p.then((v) => {
      results.push(v);
      if (results.length === n) done.resolve([...results]);
    });
  }
  return settled;
}

describe("sign-in under a burst", () => {
  let h: Harness;
  let gate: ReturnType<typeof deferred>;
  beforeEach(async () => {
    h = await createHarness({ env: { TRUST_PROXY: "1" } });
    gate = deferred();
  });
  afterEach(async () => {
    gate.resolve();
    await h.cleanup();
  });

  /** Takes both password-check slots with work that waits for the gate, so sign-ins queue. */
  const holdSlots = () => {
    for (let i = 0; i < 2; i++) void h.services.hashLimiter.tryEnter()!.run(() => gate.promise);
  };
  const login = async (username: string, password: string, address = "203.0.113.7"): Promise<Response> =>
    h.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ username, password }),
    });

  it("40 parallel wrong passwords from one address: at most 5 are checked, the rest and a right password get 429", async () => {
    holdSlots();
    const burst = Array.from({ length: 40 }, (_, i) => login("admin", `wrong-password-${i}`).then((r) => r.status));
    // 35 are refused at once (counted before any check); 5 wait for a password-check slot.
    const refused = await whenSettled(burst, 35);
    expect(refused.every((s) => s === 429)).toBe(true);
    expect(h.services.hashLimiter.load.waiting).toBe(5);

    const right = await login("admin", ADMIN_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);

    gate.resolve();
    const all = await Promise.all(burst);
    expect(all.filter((s) => s === 401)).toHaveLength(5);
    expect(all.filter((s) => s === 429)).toHaveLength(35);
    expect(all).not.toContain(200);

    // The trail holds one row for the account and address, and one count for the repeats.
    await h.services.failedLogins.flush(true);
    const rows = (await h.store.audit.recent(200)).filter((r) => r.action.startsWith("auth.login.failed"));
    expect(rows.map((r) => r.action).sort()).toEqual(["auth.login.failed", "auth.login.failed.repeated"]);
    const repeated = rows.find((r) => r.action === "auth.login.failed.repeated")!;
    expect(JSON.parse(repeated.details)).toMatchObject({ username: "admin", address: "203.0.113.7", repeats: 40 });
  });

  it("80 parallel wrong sign-ins from many addresses: the check line is bounded, the rest get 429 with Retry-After, other requests answer", async () => {
    holdSlots();
    const burst = Array.from({ length: 80 }, (_, i) => login(`user${i}`, "wrong-password", `198.51.100.${i + 1}`));
    const refused = await whenSettled(burst, 72);
    expect(refused.map((r) => r.status)).toEqual(Array(72).fill(429));
    expect(refused.every((r) => r.headers.get("retry-after") === "1")).toBe(true);
    expect(h.services.hashLimiter.load).toEqual({ running: 2, waiting: 8 });
    // While every password-check slot is busy, the rest of Mailroom answers.
    expect((await h.app.request("/api/health")).status).toBe(200);

    gate.resolve();
    const all = await Promise.all(burst);
    expect(all.filter((r) => r.status === 401)).toHaveLength(8);
    expect(h.services.hashLimiter.load).toEqual({ running: 0, waiting: 0 });
    // Afterwards a normal sign-in works.
    const ok = await login("admin", ADMIN_PASSWORD, "192.0.2.1");
    expect(ok.status).toBe(200);
  });

  it("repeated failures from many pairs write a bounded number of audit rows", async () => {
    const admin = await h.login();
    for (let i = 0; i < 30; i++)
      expect((await login("ghost", "wrong-password", `192.0.2.${(i % 3) + 10}`)).status).toBeGreaterThanOrEqual(401);
    await h.services.failedLogins.flush(true);
    const res = (await (
      await h.request("/api/audit?action=auth.login.failed&limit=100", { cookie: admin })
    ).json()) as AuditResponse;
    // Three addresses: one first row each, one repeat count each.
    expect(res.records.filter((r) => r.action === "auth.login.failed")).toHaveLength(3);
    const repeats = res.records.filter((r) => r.action === "auth.login.failed.repeated");
    expect(repeats).toHaveLength(3);
    expect(repeats.reduce((n, r) => n + Number(r.details.repeats), 0)).toBe(27);
  });
});

describe("hash limiter", () => {
  it("never runs more than its concurrency and refuses beyond its line", async () => {
    const limiter = createHashLimiter({ concurrency: 2, maxQueued: 3 });
    const gates = Array.from({ length: 5 }, () => deferred());
    let running = 0;
    let peak = 0;
    const jobs = gates.map((g) =>
      limiter.tryEnter()!.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await g.promise;
        running--;
      }),
    );
    expect(limiter.tryEnter()).toBeNull();
    gates.forEach((g) => g.resolve());
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(limiter.load).toEqual({ running: 0, waiting: 0 });
  });
});
