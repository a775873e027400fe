import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { AuditOutcome, AuditQuery, AuditRecord, AuditVerifyResponse } from "../../contract/api/audit";
import {
  GENESIS_HASH,
  canonicalJson,
  hashRecord,
  hashRecordKeyed,
  keyedFromMarker,
  readKeyedFromMarker,
  type ChainFields,
} from "../audit/chain";
import { createFixedSql } from "./fixed-sql";
import type { Dialect } from "./migrations/types";
import type { AuditLogTable, Database } from "./schema";

/** Mailroom itself, when no user acts. */
export type SystemActor = "system" | "workflow-engine" | "webhook-intake";

export interface AuditEntry {
  actor: { id: number | null; username: string } | SystemActor | null;
  action: string;
  target?: string | null;
  outcome?: AuditOutcome;
  /** HTTP status, Postmark ErrorCode or Mailroom error code. */
  outcomeDetail?: string | number | null;
  requestId?: string | null;
  /** Structured context; never a secret. */
  details?: Record<string, unknown>;
  /** A short human sentence (kept as details.note). */
  detail?: string;
}

export type AuditFilters = Pick<AuditQuery, "actor" | "action" | "target" | "outcome" | "from" | "to">;

// Arbitrary constant: appends from several instances on one PostgreSQL take turns.
const PG_AUDIT_LOCK = 727_004;
const HEAD_KEY = "audit.head";
/** Where the keyed records begin (a signed seq); see readKeyedFromMarker. */
const KEYED_FROM_KEY = "audit.keyed_from";

type Row = AuditLogTable;
const fromDb = (r: Row): Row => ({
  ...r,
  seq: Number(r.seq),
  actor_id: r.actor_id === null ? null : Number(r.actor_id),
});

export function toAuditRecord(raw: Row): AuditRecord {
  const r = fromDb(raw);
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    details = { unparsable: r.details };
  }
  return {
    seq: r.seq,
    at: r.at,
    actor: { userId: r.actor_id, name: r.actor_name },
    action: r.action,
    target: r.target,
    outcome: r.outcome as AuditOutcome,
    outcomeDetail: r.outcome_detail,
    requestId: r.request_id,
    details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const iso = (v: string) => new Date(v).toISOString();

/** In the order appendAfterHead's statement lists them. */
const AUDIT_COLUMNS = [
  "seq",
  "at",
  "actor_id",
  "actor_name",
  "action",
  "target",
  "outcome",
  "outcome_detail",
  "request_id",
  "details",
  "prev_hash",
  "hash",
] as const satisfies readonly (keyof Row)[];

/**
 * The audit trail: an append-only hash chain. There is no update or delete here on purpose.
 * Appends are serialised (one SQLite connection; on PostgreSQL, a lock on the head row, which every
 * append moves) so that each record's prevHash is the hash of the record before it and the chain
 * never forks; within an instance they are group-committed (see `record`).
 */
export function createAuditRepo(db: Kysely<Database>, dialect: Dialect) {
  // The chain key lives outside the database; the services hand it over at start.
  let key: Buffer | null = null;
  let markerWritten = false;
  const fixed = createFixedSql(dialect);
  const needKey = (): Buffer => {
    if (!key) throw new Error("The audit chain key is not set (call audit.useKey at start).");
    return key;
  };
  function filtered<O>(q: SelectQueryBuilder<Database, "audit_log", O>, f: AuditFilters) {
    if (f.actor) {
      const actor = f.actor;
      q = q.where((eb) =>
        eb.or([eb("actor_name", "=", actor), ...(/^\d+$/.test(actor) ? [eb("actor_id", "=", Number(actor))] : [])]),
      );
    }
    if (f.action) q = q.where(sql<string>`substr(action, 1, ${f.action.length})`, "=", f.action);
    if (f.target) {
      const like = `%${f.target.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      q = q.where(sql<boolean>`target like ${like} escape '\\'`);
    }
    if (f.outcome) q = q.where("outcome", "=", f.outcome);
    if (f.from) q = q.where("at", ">=", iso(f.from));
    if (f.to) q = q.where("at", "<=", iso(f.to));
    return q;
  }

  interface Pending {
    entry: AuditEntry;
    now: string;
    resolve(r: AuditRecord): void;
    reject(e: unknown): void;
  }
  const pending: Pending[] = [];
  let flushing = false;
  let scheduled = false;
  const MAX_BATCH = 256;

  /** The batch as rows chained after `seq`/`prev`. Throws (before any SQL) for an entry that cannot be stored. */
  function chainRows(batch: Pending[], seq: number, prev: string, k: Buffer): Row[] {
    return batch.map(({ entry, now }) => {
      const actor = entry.actor ?? "system";
      const details = { ...(entry.details ?? {}), ...(entry.detail !== undefined ? { note: entry.detail } : {}) };
      const fields: ChainFields = {
        seq: ++seq,
        at: now,
        actor_id: typeof actor === "string" ? null : actor.id,
        actor_name: typeof actor === "string" ? actor : actor.username,
        action: entry.action,
        target: entry.target ?? null,
        outcome: entry.outcome ?? "success",
        outcome_detail:
          entry.outcomeDetail === undefined || entry.outcomeDetail === null ? null : String(entry.outcomeDetail),
        request_id: entry.requestId ?? null,
        details: canonicalJson(details),
        prev_hash: prev,
      };
      const row = { ...fields, hash: hashRecordKeyed(fields, k) };
      prev = row.hash;
      return row;
    });
  }
  const headOf = (row: Pick<Row, "seq" | "hash">) => `${row.seq}:${row.hash}`;

  /**
   * PostgreSQL: the head this instance last saw. When no other instance appended since, the next
   * batch goes in one statement (see appendAfterHead) instead of a six-statement transaction.
   */
  let knownHead: string | null = null;

  /** Chains `batch` onto the current head (one statement, or one transaction); the records in the batch's order. */
  async function append(batch: Pending[]): Promise<AuditRecord[]> {
    const k = needKey();
    if (dialect === "postgres" && markerWritten && knownHead !== null) {
      // The head last seen, then up to two heads the database reported, then the locked
      // transaction: appends racing with several busy instances still end.
      try {
        for (let tries = 0; tries < 3 && knownHead !== null; tries++) {
          const done = await appendAfterHead(batch, knownHead, k);
          if (done) return done;
        }
      } catch {
        // Whatever went wrong (a head row that is not "seq:hash", say), the locked transaction
        // below reads the chain's end from the records themselves; a real fault fails there too.
        knownHead = null;
      }
    }
    const rows = await db.transaction().execute(async (trx) => {
      if (dialect === "postgres") {
        await sql`select pg_advisory_xact_lock(${PG_AUDIT_LOCK})`.execute(trx);
        // The one-statement appends take turns on the head row, not on the advisory lock.
        await sql`select value from settings where key = ${HEAD_KEY} for update`.execute(trx);
      }
      const last = await trx
        .selectFrom("audit_log")
        .select(["seq", "hash"])
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      const rows = chainRows(batch, last ? Number(last.seq) : 0, last?.hash ?? GENESIS_HASH, k);
      await trx.insertInto("audit_log").values(rows).execute();
      const first = rows[0]!;
      const now = batch.at(-1)!.now;
      if (!markerWritten) {
        // The first keyed record of this database: older ones (if any) keep their unkeyed hashes.
        const marker = await trx
          .selectFrom("settings")
          .select("value")
          .where("key", "=", KEYED_FROM_KEY)
          .executeTakeFirst();
        if (!marker)
          await trx
            .insertInto("settings")
            .values({ key: KEYED_FROM_KEY, value: keyedFromMarker(first.seq, k), updated_at: now, updated_by: null })
            .onConflict((oc) => oc.column("key").doNothing())
            .execute();
      }
      // The head lets verify notice records removed from the end of the chain.
      const head = headOf(rows.at(-1)!);
      await trx
        .insertInto("settings")
        .values({ key: HEAD_KEY, value: head, updated_at: now, updated_by: null })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: head, updated_at: now }))
        .execute();
      return rows;
    });
    knownHead = headOf(rows.at(-1)!);
    return rows.map(toAuditRecord);
  }

  const appendTexts = new Map<number, string>();
  /**
   * One statement that appends `batch` after `head` only if the head row still says `head`: it
   * locks the head row (a writer that committed meanwhile is waited for and its head read), inserts
   * only on a match, and moves the head with the records. The chain stays serial without the
   * advisory lock, because every append, in either path, moves that one row. Null when another
   * instance appended first: knownHead is then the head it reported, or null if there is none.
   */
  async function appendAfterHead(batch: Pending[], head: string, k: Buffer): Promise<AuditRecord[] | null> {
    const colon = head.indexOf(":");
    const rows = chainRows(batch, Number(head.slice(0, colon)), head.slice(colon + 1), k);
    let text = appendTexts.get(rows.length);
    if (text === undefined) {
      const tuple = "(?::bigint, ?, ?::integer, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      text =
        `with h as (select value from settings where key = '${HEAD_KEY}' for update),` +
        ` ins as (insert into audit_log (${AUDIT_COLUMNS.join(", ")})` +
        ` select * from (values ${rows.map(() => tuple).join(", ")}) v` +
        ` where (select value from h) = ? returning seq),` +
        ` up as (update settings set value = ?, updated_at = ? where key = '${HEAD_KEY}' and exists (select 1 from ins))` +
        ` select (select value from h) as head, (select count(*) from ins) as inserted`;
      appendTexts.set(rows.length, text);
    }
    const params: unknown[] = [];
    for (const r of rows) for (const c of AUDIT_COLUMNS) params.push(r[c]);
    params.push(head, headOf(rows.at(-1)!), batch.at(-1)!.now);
    const [result] = (await fixed.run<{ head: string | null; inserted: string | number }>(db, text, params)).rows;
    if (Number(result?.inserted) === rows.length) {
      knownHead = headOf(rows.at(-1)!);
      return rows.map(toAuditRecord);
    }
    knownHead = result?.head ?? null;
    return null;
  }

  async function flush() {
    flushing = true;
    try {
      while (pending.length) {
        const batch = pending.splice(0, MAX_BATCH);
        try {
          const records = await append(batch);
          markerWritten = true;
          batch.forEach((p, i) => p.resolve(records[i]!));
        } catch (e) {
          if (batch.length === 1) {
            batch[0]!.reject(e);
            continue;
          }
          // One bad entry must not fail its neighbours: append each alone, so only it fails.
          for (const p of batch) {
            try {
              const [record] = await append([p]);
              markerWritten = true;
              p.resolve(record!);
            } catch (err) {
              p.reject(err);
            }
          }
        }
      }
    } finally {
      flushing = false;
    }
  }

  return {
    /** Sets the chain key (derived from MAILROOM_SECRET or the key file, never stored here). */
    useKey(k: Buffer) {
      if (k.length < 32) throw new Error("The audit chain key must be at least 32 bytes");
      key = k;
      markerWritten = false;
    },

    /**
     * Appends one record; resolves once it is committed. Appends that arrive while another commit
     * is in progress are chained and committed together (one lock, one transaction, one fsync), so
     * a busy instance pays for the chain's serialisation once per batch, not once per record. The
     * first commit waits for the current turn of the event loop, so appends made together (SQLite's
     * commit blocks the loop, so none arrive during it) share one fsync too.
     */
    record(entry: AuditEntry, now: string): Promise<AuditRecord> {
      return new Promise<AuditRecord>((resolve, reject) => {
        pending.push({ entry, now, resolve, reject });
        if (flushing || scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (!flushing) void flush();
        });
      });
    },

    /** Newest first (raw rows; kept for older callers and tests). */
    recent: async (limit = 100) =>
      (await db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(limit).execute()).map(fromDb),

    /** Newest first, keyset-paged by seq. */
    async list(
      q: AuditFilters & { before?: number; limit: number },
    ): Promise<{ records: AuditRecord[]; nextBefore: number | null }> {
      let query = filtered(db.selectFrom("audit_log").selectAll(), q);
      if (q.before !== undefined) query = query.where("seq", "<", q.before);
      const rows = await query
        .orderBy("seq", "desc")
        .limit(q.limit + 1)
        .execute();
      const page = rows.slice(0, q.limit).map(toAuditRecord);
      return { records: page, nextBefore: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null };
    },

    /** Oldest first, in pages, for export. */
    async *scan(f: AuditFilters, pageSize = 500): AsyncGenerator<AuditRecord> {
      let after = 0;
      for (;;) {
        const rows = await filtered(db.selectFrom("audit_log").selectAll(), f)
          .where("seq", ">", after)
          .orderBy("seq", "asc")
          .limit(pageSize)
          .execute();
        for (const r of rows) yield toAuditRecord(r);
        if (rows.length < pageSize) return;
        after = Number(rows.at(-1)!.seq);
      }
    },

    /** Walks the whole chain: a changed record breaks its hash, a deleted or moved one breaks the links. */
    async verify(now: string, pageSize = 2000): Promise<AuditVerifyResponse> {
      const k = needKey();
      let expectedSeq = 1;
      let prev = GENESIS_HASH;
      let checked = 0;
      let after = -Infinity;
      const broken = (seq: number, reason: string): AuditVerifyResponse => ({
        intact: false,
        checked,
        lastSeq: expectedSeq - 1,
        firstBrokenSeq: seq,
        reason,
        checkedAt: now,
      });
      // Records before the signed marker predate the key and carry the unkeyed hash; without a
      // marker every record must be keyed. A forged or moved marker fails its signature.
      const marker = await db
        .selectFrom("settings")
        .select("value")
        .where("key", "=", KEYED_FROM_KEY)
        .executeTakeFirst();
      const keyedFrom = marker ? readKeyedFromMarker(marker.value, k) : 1;
      if (keyedFrom === null) return broken(1, "keyed_marker_invalid");
      for (;;) {
        let q = db.selectFrom("audit_log").selectAll().orderBy("seq", "asc").limit(pageSize);
        if (after !== -Infinity) q = q.where("seq", ">", after);
        const rows = (await q.execute()).map(fromDb);
        for (const r of rows) {
          if (r.seq !== expectedSeq) return broken(expectedSeq, r.seq > expectedSeq ? "seq_gap" : "seq_out_of_order");
          if (r.prev_hash !== prev) return broken(r.seq, "prev_hash_mismatch");
          const { hash, ...fields } = r;
          if ((r.seq < keyedFrom ? hashRecord(fields) : hashRecordKeyed(fields, k)) !== hash)
            return broken(r.seq, "hash_mismatch");
          prev = hash;
          expectedSeq++;
          checked++;
        }
        if (rows.length < pageSize) break;
        after = rows.at(-1)!.seq;
      }
      const head = await db.selectFrom("settings").select("value").where("key", "=", HEAD_KEY).executeTakeFirst();
      if (head) {
        const [seq, hash] = head.value.split(":");
        const headSeq = Number(seq);
        if (headSeq > expectedSeq - 1) return broken(expectedSeq, "records_missing_at_end");
        if (headSeq === expectedSeq - 1 && hash !== prev) return broken(headSeq, "head_mismatch");
      }
      return { intact: true, checked, lastSeq: expectedSeq - 1, checkedAt: now };
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
