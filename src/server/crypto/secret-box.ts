import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDir, tighten } from "../store/private-files";

/** Encrypts small secrets (Postmark tokens) at rest with AES-256-GCM. */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

const VERSION = "v1";

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("The settings key must be 32 bytes");
  return {
    seal(plain, context) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
      // The context (setting key) is bound as AAD so a value cannot be moved to another key.
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(sealed, context) {
      const [version, data] = sealed.split(":");
      if (version !== VERSION || !data) throw new Error("Unknown format of an encrypted setting");
      const raw = Buffer.from(data, "base64");
      const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/**
 * The key: derived from MAILROOM_SECRET when set (needed when several instances share
 * PostgreSQL), else a random key kept in DATA_DIR/settings.key, readable by the owner only.
 */
export function loadSettingsKey(opts: { secret: string | null; dataDir: string }): {
  key: Buffer;
  source: "secret" | "file";
} {
  if (opts.secret) {
    return { key: crypto.scryptSync(opts.secret, "mailroom-settings-key-v1", 32), source: "secret" };
  }
  const file = path.join(opts.dataDir, "settings.key");
  ensurePrivateDir(opts.dataDir);
  tighten(file, 0o600);
  try {
    const existing = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    if (existing.length === 32) return { key: existing, source: "file" };
    throw new Error(`${file} does not hold a 32-byte key; move it away to generate a new one`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const key = crypto.randomBytes(32);
  // "wx" fails if another process created the file meanwhile; then use theirs.
  try {
    fs.writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return loadSettingsKey(opts);
    throw e;
  }
  return { key, source: "file" };
}
