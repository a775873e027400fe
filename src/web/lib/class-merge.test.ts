import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { mergeClasses } from "./class-merge";
import { cn } from "./utils";

const WEB = join(import.meta.dirname, "..");

/** Strings in src/web that are not classes but look like Tailwind utilities to tailwind-merge. */
const NOT_CLASSES = new Set([
  "font-size",
  "font-weight",
  "font-family",
  "font-src",
  "text-anchor",
  "text-preview",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "fill-opacity",
]);

/** Every token in a string literal of src/web that tailwind-merge treats as a Tailwind class. */
function classesInSource(): string[] {
  const tokens = new Set<string>();
  for (const entry of readdirSync(WEB, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.|^class-merge\./.test(entry.name)) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const m of source.matchAll(/"([^"\n]*)"|`([^`]*)`|'([^'\n]*)'/g)) {
      for (const t of (m[1] ?? m[2] ?? m[3] ?? "").split(/\s+/)) {
        if (t && !t.includes("${") && /^[!\w[\-(]/.test(t) && !/["'`]/.test(t)) tokens.add(t);
      }
    }
  }
  // tailwind-merge collapses a repeated class only when it knows it as a Tailwind utility.
  return [...tokens].filter((t) => !NOT_CLASSES.has(t) && twMerge(`${t} ${t}`) === t).sort();
}

/** Classes grouped by their variants (in any order): classes with different variants never conflict. */
function byVariants(classes: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const c of classes) {
    const variants = c
      .replace(/\[[^\]]*\]|\([^)]*\)/g, "x")
      .split(":")
      .slice(0, -1)
      .sort()
      .join(":");
    groups.set(variants, [...(groups.get(variants) ?? []), c]);
  }
  return [...groups.values()];
}

/** The same set of classes: order and repeats do not change what an element looks like. */
const asSet = (list: string) => [...new Set(list.split(" ").filter(Boolean))].sort().join(" ");

describe("mergeClasses", () => {
  it("resolves every pair of classes used in src/web as tailwind-merge does", () => {
    const classes = classesInSource();
    expect(classes.length).toBeGreaterThan(500);
    const wrong: string[] = [];
    for (const group of byVariants(classes))
      for (const a of group)
        for (const b of group) {
          const input = `${a} ${b}`;
          if (asSet(mergeClasses(input)) !== asSet(twMerge(input))) wrong.push(`${input} → ${twMerge(input)}`);
        }
    expect(wrong.slice(0, 40)).toEqual([]);
  }, 120_000); // ~300,000 pairs: a few seconds on a quiet machine

  it("lets a className override win over a component's own classes", () => {
    expect(cn("h-9 px-4 py-2", "h-8 px-2")).toBe("py-2 h-8 px-2");
    expect(cn("rounded-md border px-3 py-1 text-sm", "border-0 px-0 text-xs")).toBe(
      "rounded-md py-1 border-0 px-0 text-xs",
    );
    expect(cn("flex flex-col gap-4 py-5", "gap-0 p-0")).toBe("flex flex-col gap-0 p-0");
    expect(cn("bg-primary text-primary-foreground hover:bg-primary/90", "bg-destructive")).toBe(
      "text-primary-foreground hover:bg-primary/90 bg-destructive",
    );
    expect(cn("size-4 [&_svg]:size-4", "h-3 [&_svg]:size-3")).toBe("size-4 h-3 [&_svg]:size-3");
    expect(cn("inline-flex w-fit", "hidden sm:inline-flex")).toBe("w-fit hidden sm:inline-flex");
    expect(cn("absolute p-4", "sr-only")).toBe("sr-only");
  });

  it("keeps classes it does not know, and drops falsy inputs", () => {
    expect(cn("group peer", false, undefined, "animate-spin")).toBe("group peer animate-spin");
  });
});
