import type { Kysely } from "kysely";

export type Dialect = "sqlite" | "postgres";

/** One schema version. `up` must work on both dialects (use `idColumn` for keys). */
export interface Migration {
  version: number;
  name: string;
  // Migrations see the database as it was then, not as the current schema types say.
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}
