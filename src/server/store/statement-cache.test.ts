import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { keepStatements } from "./statement-cache";

describe("keepStatements", () => {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (n integer); insert into t values (1), (2), (3)");

  it("prepares each SQL text once, and a fresh statement while the kept one is still iterating", () => {
    const db = keepStatements(sqlite);
    const first = db.prepare("select n from t order by n");
    expect(db.prepare("select n from t order by n")).toBe(first);
    const rows = first.iterate([]);
    rows.next();
    const during = db.prepare("select n from t order by n");
    expect(during).not.toBe(first);
    expect(during.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    expect(db.prepare("select n from t order by n")).toBe(first);
  });

  it("keeps only the most recently used", () => {
    const prepared: string[] = [];
    const db = keepStatements(
      {
        prepare: (sql: string) => (prepared.push(sql), sqlite.prepare(sql)),
        close: () => sqlite.close(),
      },
      2,
    );
    for (const sql of ["select 1", "select 2", "select 1", "select 3", "select 1", "select 2"]) db.prepare(sql);
    // "select 1" was used again before "select 3" came, so "select 2" was the one dropped.
    expect(prepared).toEqual(["select 1", "select 2", "select 3", "select 2"]);
  });
});
