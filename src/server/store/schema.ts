import type { Generated } from "kysely";

/** Times are ISO-8601 UTC strings (`toISOString()`), which sort and compare the same in both dialects. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface SettingsTable {
  key: string;
  /** Encrypted (see crypto/secret-box.ts) when the setting is a secret. */
  value: string;
  updated_at: string;
  updated_by: number | null;
}

/** Who did what, when: written by the server for security-relevant changes. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  mailroom_migrations: MigrationsTable;
}
