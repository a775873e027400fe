import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The repository must pass its tests as a plain clone: nothing may read files beside it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scanned = ["src", "e2e", "scripts", "bench", ".ci"];
// Root files that tools read at test and run time (configs, the CI script).
const rootFiles = () =>
  readdirSync(root)
    .filter((name) => /\.(ts|mjs|js|cjs|json)$/.test(name) && !name.startsWith("package-lock"))
    .map((name) => path.join(root, name));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|mjs|js)$/.test(name) || dir.endsWith(".ci")) yield full;
  }
}

describe("the repository stands alone", () => {
  it("has no code that reaches outside the repository for files", () => {
    const outside: string[] = [];
    for (const file of [...scanned.flatMap((dir) => [...files(path.join(root, dir))]), ...rootFiles()]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/["'`]((?:\.\.\/)+)[^"'`]*["'`]/g)) {
        const target = path.resolve(path.dirname(file), m[1]!);
        if (!target.startsWith(root)) outside.push(`${path.relative(root, file)}: ${m[0]}`);
      }
      // Absolute paths of this machine's work folders (the brief's shared folder, a checkout): a clone is elsewhere.
      if (/\/work\/|\bshared\/postmark\b/.test(text) && !file.endsWith("repo-standalone.test.ts")) {
        outside.push(`${path.relative(root, file)}: names a folder outside the checkout`);
      }
    }
    expect(outside).toEqual([]);
  });
});
