import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../store/schema";
import { createWriteBatcher, type MergedWrite } from "./write-batcher";

/** A stand-in database that counts the transactions opened; work gets it, or `trx` inside one. */
function countingDb() {
  const db = {
    transactions: 0,
    transaction: () => ({
      execute: async <T>(fn: (trx: unknown) => Promise<T>) => {
        db.transactions++;
        return fn("trx");
      },
    }),
  };
  return db;
}

describe("write batcher", () => {
  it("runs a lone one-statement write outside a transaction on PostgreSQL (no BEGIN and COMMIT)", async () => {
    const db = countingDb();
    const batch = createWriteBatcher(db as unknown as Kysely<Database>, "postgres");
    const seen: unknown[] = [];
    await batch.writeOne(async (q) => seen.push(q));
    expect(db.transactions).toBe(0);
    expect(seen).toEqual([db]);
    // Writes that arrive together still share one transaction (one commit).
    await Promise.all([batch.writeOne(async (q) => seen.push(q)), batch.writeOne(async (q) => seen.push(q))]);
    expect(db.transactions).toBe(1);
    expect(seen.slice(1)).toEqual(["trx", "trx"]);
  });

  it("keeps a transaction around every lone write on SQLite and around ordinary writes", async () => {
    const sqlite = countingDb();
    await createWriteBatcher(sqlite as unknown as Kysely<Database>, "sqlite").writeOne(async () => {});
    expect(sqlite.transactions).toBe(1);
    const pg = countingDb();
    await createWriteBatcher(pg as unknown as Kysely<Database>, "postgres").write(async () => {});
    expect(pg.transactions).toBe(1);
  });

  /** A merged write that records its calls; `fail` makes `many` throw. */
  function kindOf(fail = false) {
    const calls: { how: "many" | "one"; items: string[]; q: unknown }[] = [];
    const kind: MergedWrite<string, string> = {
      key: (item) => item.split(":")[0]!,
      async many(items, q) {
        calls.push({ how: "many", items: [...items], q });
        if (fail) throw new Error("constraint");
        return items.map((i) => `done ${i}`);
      },
      async one(item, q) {
        calls.push({ how: "one", items: [item], q });
        if (item.endsWith("bad")) throw new Error(`refused ${item}`);
        return `alone ${item}`;
      },
    };
    return { kind, calls };
  }

  it("makes the merged writes of one key that arrive together one statement, outside a transaction", async () => {
    const db = countingDb();
    const batch = createWriteBatcher(db as unknown as Kysely<Database>, "postgres");
    const { kind, calls } = kindOf();
    const results = await Promise.all(["a:1", "a:2", "a:3"].map((i) => batch.merge(kind, i)));
    expect(results).toEqual(["done a:1", "done a:2", "done a:3"]);
    expect(calls).toEqual([{ how: "many", items: ["a:1", "a:2", "a:3"], q: db }]);
    expect(db.transactions).toBe(0);
  });

  it("groups merged writes by key, and commits the groups with other writes in one transaction", async () => {
    const db = countingDb();
    const batch = createWriteBatcher(db as unknown as Kysely<Database>, "postgres");
    const { kind, calls } = kindOf();
    const other: unknown[] = [];
    const results = await Promise.all([
      batch.merge(kind, "a:1"),
      batch.merge(kind, "b:1"),
      batch.write(async (trx) => other.push(trx)),
      batch.merge(kind, "a:2"),
    ]);
    expect(results).toEqual(["done a:1", "done b:1", 1, "done a:2"]);
    expect(calls).toEqual([
      { how: "many", items: ["a:1", "a:2"], q: "trx" },
      { how: "many", items: ["b:1"], q: "trx" },
    ]);
    expect(other).toEqual(["trx"]);
    expect(db.transactions).toBe(1);
  });

  it("retries each item alone when its group's statement fails, so only a bad one fails", async () => {
    const db = countingDb();
    const batch = createWriteBatcher(db as unknown as Kysely<Database>, "postgres");
    const { kind, calls } = kindOf(true);
    const results = await Promise.allSettled(["a:1", "a:bad", "a:3"].map((i) => batch.merge(kind, i)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([
      "alone a:1",
      "refused a:bad",
      "alone a:3",
    ]);
    expect(calls.map((c) => [c.how, c.items.length, c.q])).toEqual([
      ["many", 3, db],
      ["one", 1, db],
      ["one", 1, db],
      ["one", 1, db],
    ]);
  });

  it("writes each merged write on its own on SQLite, in the batch's transaction", async () => {
    const db = countingDb();
    const batch = createWriteBatcher(db as unknown as Kysely<Database>, "sqlite");
    const { kind, calls } = kindOf();
    expect(await Promise.all(["a:1", "a:2"].map((i) => batch.merge(kind, i)))).toEqual(["alone a:1", "alone a:2"]);
    expect(calls.map((c) => [c.how, c.q])).toEqual([
      ["one", "trx"],
      ["one", "trx"],
    ]);
    expect(db.transactions).toBe(1);
  });
});
