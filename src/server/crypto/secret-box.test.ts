import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSecretBox, loadSettingsKey } from "./secret-box";

describe("secret box", () => {
  const box = createSecretBox(loadSettingsKey({ secret: "a-long-enough-secret", dataDir: "/nonexistent" }).key);

  it("round-trips and hides the plain text", () => {
    const sealed = box.seal("my-token-1234", "postmark.accountToken");
    expect(sealed).not.toContain("my-token-1234");
    expect(box.open(sealed, "postmark.accountToken")).toBe("my-token-1234");
  });

  it("refuses a value moved to another key or tampered with", () => {
    const sealed = box.seal("x", "a");
    expect(() => box.open(sealed, "b")).toThrow();
    // Flip a bit of the decoded ciphertext itself: editing base64 text can touch only padding bits.
    const [version, data] = sealed.split(":");
    const raw = Buffer.from(data!, "base64");
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 0x01;
    expect(() => box.open(`${version}:${raw.toString("base64")}`, "a")).toThrow();
    const tag = Buffer.from(data!, "base64");
    tag[12] = tag[12]! ^ 0x80;
    expect(() => box.open(`${version}:${tag.toString("base64")}`, "a")).toThrow();
  });

  it("generates a key file with mode 0600 once and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-key-"));
    const a = loadSettingsKey({ secret: null, dataDir: dir });
    const b = loadSettingsKey({ secret: null, dataDir: dir });
    expect(a.key.equals(b.key)).toBe(true);
    expect(fs.statSync(path.join(dir, "settings.key")).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
