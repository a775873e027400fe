import { CompiledQuery, type Insertable, type Kysely, type Transaction, type Updateable } from "kysely";
import type { Dialect } from "./migrations/types";
import type { Database } from "./schema";

type Q = Kysely<Database> | Transaction<Database>;
type Table = keyof Database;

/**
 * Hot statements as SQL text made once per shape and then run as is. Building and compiling a
 * Kysely query costs several times more than SQLite takes to run a small one, and the workflow
 * engine runs several per run. Texts use `?` placeholders (numbered `$n` on PostgreSQL); table and
 * column names come from code, never from input.
 */
export function createFixedSql(dialect: Dialect) {
  const texts = new Map<string, string>();
  const numbered = (text: string) => {
    let n = 0;
    return dialect === "postgres" ? text.replace(/\?/g, () => `$${++n}`) : text;
  };
  const textFor = (key: string, make: () => string) => {
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size >= 1000) texts.clear(); // shapes are few; group inserts vary by row count
      text = numbered(make());
      texts.set(key, text);
    }
    return text;
  };
  const names = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(", ");

  /** Runs `text` with `params`; the rows it returns, and how many it changed. */
  async function run<R>(q: Q, text: string, params: readonly unknown[]): Promise<{ rows: R[]; changed: number }> {
    const r = await q.executeQuery<R>(
      CompiledQuery.raw(
        textFor(text, () => text),
        [...params],
      ),
    );
    return { rows: r.rows, changed: Number(r.numAffectedRows ?? 0) };
  }

  return {
    run,

    /** `update <table> set <patch> where id = ?` (undefined fields left alone, as Kysely does); rows changed. */
    async updateById<T extends Table>(q: Q, table: T, id: number, patch: Updateable<Database[T]>): Promise<number> {
      const cols = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
      const key = `update ${table} ${cols.join(",")}`;
      const text = textFor(
        key,
        () => `update "${table}" set ${cols.map((c) => `"${c}" = ?`).join(", ")} where "id" = ?`,
      );
      const params = cols.map((c) => patch[c as keyof typeof patch]);
      params.push(id as (typeof params)[number]);
      const r = await q.executeQuery(CompiledQuery.raw(text, params));
      return Number(r.numAffectedRows ?? 0);
    },

    /**
     * Inserts rows (all with the columns of the first) and returns `returning` of each inserted one;
     * `onConflict` names a unique column whose duplicates are skipped.
     */
    async insert<T extends Table, K extends string>(
      q: Q,
      table: T,
      rows: readonly Insertable<Database[T]>[],
      returning: readonly K[],
      onConflict?: string,
    ): Promise<Record<K, unknown>[]> {
      if (!rows.length) return [];
      const cols = Object.keys(rows[0]!) as (keyof Insertable<Database[T]> & string)[];
      const key = `insert ${table} ${cols.join(",")} ${rows.length} ${onConflict ?? ""} ${returning.join(",")}`;
      const text = textFor(key, () => {
        const tuple = `(${cols.map(() => "?").join(", ")})`;
        return (
          `insert into "${table}" (${names(cols)}) values ${rows.map(() => tuple).join(", ")}` +
          (onConflict ? ` on conflict ("${onConflict}") do nothing` : "") +
          (returning.length ? ` returning ${names(returning)}` : "")
        );
      });
      const params: unknown[] = [];
      for (const row of rows) for (const c of cols) params.push(row[c] ?? null);
      return (await q.executeQuery<Record<K, unknown>>(CompiledQuery.raw(text, params))).rows;
    },
  };
}
export type FixedSql = ReturnType<typeof createFixedSql>;
