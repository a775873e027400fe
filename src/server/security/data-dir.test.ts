import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSettingsKey } from "../crypto/secret-box";
import { openStore } from "../store/index";

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("DATA_DIR permissions", () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("creates DATA_DIR 0700 and the database, its WAL and shared-memory files and the key file 0600", async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-perms-"));
    // A permissive umask, as on many servers: Mailroom must not rely on it.
    const old = process.umask(0o002);
    try {
      const dir = path.join(root, "data");
      loadSettingsKey({ secret: null, dataDir: dir });
      const store = await openStore({ kind: "sqlite", file: path.join(dir, "mailroom.db") });
      // A write, so the WAL and shared-memory files exist.
      await store.settings.set("probe", "1", new Date().toISOString(), null);
      expect(mode(dir)).toBe(0o700);
      for (const f of ["mailroom.db", "mailroom.db-wal", "mailroom.db-shm", "settings.key"])
        expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
      await store.close();
    } finally {
      process.umask(old);
    }
  });

  it("tightens a directory and files an older version left readable", async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-perms-"));
    const dir = path.join(root, "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, "settings.key"), Buffer.alloc(32, 1).toString("base64"), { mode: 0o644 });
    fs.chmodSync(path.join(dir, "settings.key"), 0o644);
    const first = await openStore({ kind: "sqlite", file: path.join(dir, "mailroom.db") });
    await first.close();
    fs.chmodSync(path.join(dir, "mailroom.db"), 0o644);
    loadSettingsKey({ secret: null, dataDir: dir });
    const store = await openStore({ kind: "sqlite", file: path.join(dir, "mailroom.db") });
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "settings.key"))).toBe(0o600);
    expect(mode(path.join(dir, "mailroom.db"))).toBe(0o600);
    await store.close();
  });
});
