import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditVerifyResponse } from "../../contract/api/audit";
import { GENESIS_HASH, canonicalJson, hashRecord, hashRecordKeyed, type ChainFields } from "../audit/chain";
import { createServices } from "../services";
import { createHarness, type Harness } from "../test-support/harness";

type Row = ChainFields & { hash: string };

describe("keyed audit chain", () => {
  let h: Harness;
  let admin: string;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.login();
    for (let i = 0; i < 4; i++)
      await h.store.audit.record(
        { actor: "system", action: "test.entry", target: `n:${i}` },
        new Date(h.clock()).toISOString(),
      );
  });
  afterEach(async () => h.cleanup());

  const verify = async () =>
    (await (await h.request("/api/audit/verify", { cookie: admin })).json()) as AuditVerifyResponse;
  const rows = async () =>
    (await sql<Row>`select * from audit_log order by seq`.execute(h.store.db)).rows.map((r) => ({
      ...r,
      seq: Number(r.seq),
      actor_id: r.actor_id === null ? null : Number(r.actor_id),
    }));
  /** What someone with write access to the database can do: drop the append-only triggers. */
  const dropTriggers = async () => {
    await sql`drop trigger audit_log_no_update`.execute(h.store.db);
    await sql`drop trigger audit_log_no_delete`.execute(h.store.db);
  };
  /** Rewrites record `seq` and re-chains every record after it with `hash`, fixing the head too. */
  async function rewriteAndRechain(seq: number, hash: (f: ChainFields) => string) {
    await dropTriggers();
    let prev = GENESIS_HASH;
    for (const r of await rows()) {
      const { hash: _old, ...fields } = r;
      const f: ChainFields = {
        ...fields,
        prev_hash: prev,
        details: r.seq === seq ? canonicalJson({ note: "nothing happened here" }) : fields.details,
      };
      const next = r.seq >= seq ? hash(f) : r.hash;
      await sql`update audit_log set details = ${f.details}, prev_hash = ${f.prev_hash}, hash = ${next} where seq = ${r.seq}`.execute(
        h.store.db,
      );
      prev = next;
    }
    const last = (await rows()).at(-1)!;
    await sql`update settings set value = ${`${last.seq}:${last.hash}`} where key = 'audit.head'`.execute(h.store.db);
  }

  it("verifies an intact keyed chain, whose hashes are not plain SHA-256", async () => {
    expect(await verify()).toMatchObject({ intact: true });
    const r = (await rows())[1]!;
    const { hash, ...fields } = r;
    expect(hash).not.toBe(hashRecord(fields));
  });

  it("detects a record rewritten and re-chained with plain SHA-256 (no key)", async () => {
    await rewriteAndRechain(2, hashRecord);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 2, reason: "hash_mismatch" });
  });

  it("detects a record re-chained with a guessed key", async () => {
    await rewriteAndRechain(3, (f) => hashRecordKeyed(f, Buffer.alloc(32, 1)));
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 3, reason: "hash_mismatch" });
  });

  it("detects a moved or removed marker of where keyed records begin", async () => {
    // Claiming that records 1-3 predate the key (so plain SHA-256 would do) needs the key too.
    await sql`update settings set value = ${"4:" + "0".repeat(64)} where key = 'audit.keyed_from'`.execute(h.store.db);
    expect(await verify()).toMatchObject({ intact: false, reason: "keyed_marker_invalid" });
  });
});

describe("records from before the key", () => {
  it("keeps verifying them with the unkeyed hash, and a rewrite of them still breaks the first keyed record", async () => {
    const h = await createHarness();
    try {
      const admin = await h.login();
      // Simulate a database written by an older version: unkeyed records, no marker.
      await sql`drop trigger audit_log_no_update`.execute(h.store.db);
      await sql`drop trigger audit_log_no_delete`.execute(h.store.db);
      await sql`delete from audit_log`.execute(h.store.db);
      await sql`delete from settings where key in ('audit.keyed_from', 'audit.head')`.execute(h.store.db);
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const f: ChainFields = {
          seq,
          at: "2029-01-01T00:00:00.000Z",
          actor_id: null,
          actor_name: "system",
          action: "legacy.entry",
          target: null,
          outcome: "success",
          outcome_detail: null,
          request_id: null,
          details: "{}",
          prev_hash: prev,
        };
        prev = hashRecord(f);
        await sql`insert into audit_log (seq, at, actor_id, actor_name, action, target, outcome, outcome_detail, request_id, details, prev_hash, hash) values (${seq}, ${f.at}, ${null}, ${"system"}, ${"legacy.entry"}, ${null}, ${"success"}, ${null}, ${null}, ${"{}"}, ${f.prev_hash}, ${prev})`.execute(
          h.store.db,
        );
      }
      // A fresh process (a new services object) takes over this database.
      const services = createServices({
        config: h.config,
        store: h.store,
        logger: h.logger,
        clock: h.clock,
        version: "test",
      });
      await services.store.audit.record(
        { actor: "system", action: "test.after-upgrade" },
        new Date(h.clock()).toISOString(),
      );
      const verify = async () =>
        (await (await h.request("/api/audit/verify", { cookie: admin })).json()) as AuditVerifyResponse;
      expect(await verify()).toMatchObject({ intact: true, checked: 4 });

      // Rewriting a legacy record and re-chaining the legacy part: the keyed record 4 no longer links.
      await sql`update audit_log set details = '{"forged":true}' where seq = 2`.execute(h.store.db);
      let p = (await sql<Row>`select * from audit_log where seq = 1`.execute(h.store.db)).rows[0]!.hash;
      for (const seq of [2, 3]) {
        const r = (await sql<Row>`select * from audit_log where seq = ${seq}`.execute(h.store.db)).rows[0]!;
        const f: ChainFields = {
          seq,
          at: r.at,
          actor_id: null,
          actor_name: r.actor_name,
          action: r.action,
          target: r.target,
          outcome: r.outcome,
          outcome_detail: r.outcome_detail,
          request_id: r.request_id,
          details: r.details,
          prev_hash: p,
        };
        p = hashRecord(f);
        await sql`update audit_log set prev_hash = ${f.prev_hash}, hash = ${p} where seq = ${seq}`.execute(h.store.db);
      }
      expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 4, reason: "prev_hash_mismatch" });
    } finally {
      await h.cleanup();
    }
  });
});
