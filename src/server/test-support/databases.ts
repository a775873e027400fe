import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store } from "../store/index";

export const pgUrl = process.env.TEST_DATABASE_URL || null;

export interface TestStore {
  store: Store;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file in a temporary directory. */
export async function sqliteTestStore(): Promise<TestStore & { dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-test-"));
  const file = path.join(dir, "mailroom.db");
  const store = await openStore({ kind: "sqlite", file });
  return {
    store,
    dir,
    file,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL schema of its own, dropped by cleanup. */
export async function pgTestStore(url: string): Promise<TestStore & { schema: string }> {
  const schema = `mailroom_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await openStore({ kind: "postgres", url, schema });
  return {
    store,
    schema,
    async cleanup() {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
