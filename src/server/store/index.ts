import { createAuditRepo } from "./audit-repo";
import { createCountersRepo } from "./counters-repo";
import { databaseOptions, openDatabase, type Db, type DbOptions } from "./database";
import { createSessionsRepo } from "./sessions-repo";
import { createSettingsRepo } from "./settings-repo";
import { createUsersRepo } from "./users-repo";

export type { Db, DbOptions } from "./database";
export { databaseOptions } from "./database";

/** The one storage module: a kysely database plus a repository per table. */
export interface Store extends Db {
  users: ReturnType<typeof createUsersRepo>;
  sessions: ReturnType<typeof createSessionsRepo>;
  settings: ReturnType<typeof createSettingsRepo>;
  audit: ReturnType<typeof createAuditRepo>;
  /** Shared counters (throttles, rate limits, notify-once claims): in the database so instances count together. */
  counters: ReturnType<typeof createCountersRepo>;
}

export async function openStore(options: DbOptions): Promise<Store> {
  const base = await openDatabase(options);
  return wrap(base);
}

export function wrap(base: Db): Store {
  return {
    ...base,
    users: createUsersRepo(base.db),
    sessions: createSessionsRepo(base.db, base.rawRead),
    settings: createSettingsRepo(base.db),
    audit: createAuditRepo(base.db, base.dialect),
    counters: createCountersRepo(base.db),
  };
}

export const openStoreFromConfig = (config: {
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize?: number;
}) => openStore(databaseOptions(config));
