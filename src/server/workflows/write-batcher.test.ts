import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../store/schema";
import { createWriteBatcher } from "./write-batcher";

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
});
