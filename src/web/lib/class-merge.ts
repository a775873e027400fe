/**
 * Resolves Tailwind class conflicts the way tailwind-merge does (a later class wins over an earlier
 * one of the same group, with the same variants), for the utilities this app uses. tailwind-merge
 * knows every Tailwind utility and costs ~9 KiB gzip on the first page; this covers the groups in
 * our source, and class-merge.test.ts checks it against tailwind-merge for every pair of classes
 * found in src/web, so a new class that this does not know fails the test instead of styling.
 */

const SIZES = /^(\d*x[sl]|sm|md|lg|base|\d(\.\d)?xl)$/;
const NUMBER = /^\d+(\.\d+)?$/;
const LENGTH = /^\[(\d|length:|calc|min|max|clamp)/;
/** Groups decided by the whole class name. */
const WORDS: Record<string, string> = {};
for (const [group, names] of [
  ["display", "block inline inline-block inline-flex flex grid inline-grid table table-cell table-row contents hidden"],
  ["position", "static fixed absolute relative sticky"],
  ["sr", "sr-only"],
  ["text-transform", "uppercase lowercase capitalize normal-case"],
  ["text-decoration", "underline no-underline line-through"],
  ["outline-style", "outline-none outline-hidden"],
  ["flex-direction", "flex-row flex-row-reverse flex-col flex-col-reverse"],
  ["flex-wrap", "flex-wrap flex-nowrap flex-wrap-reverse"],
  ["border-style", "border-solid border-dashed border-dotted border-double border-none"],
  ["text-alignment", "text-left text-center text-right text-justify"],
  ["font-weight", "font-light font-normal font-medium font-semibold font-bold"],
] as const)
  for (const name of names.split(" ")) WORDS[name] = group;

/** Utilities whose group is the prefix itself, whatever the value. */
const PLAIN = new Set(
  (
    "p px py pt pr pb pl m mx my mt mr mb ml gap gap-x gap-y inset inset-x inset-y top right bottom left w h size " +
    "min-w max-w min-h max-h z opacity basis grow shrink flex grid-cols col-span items justify self leading tracking " +
    "whitespace break overflow overflow-x overflow-y line-clamp align animate transition cursor translate-x " +
    "translate-y underline-offset font rounded rounded-t rounded-r rounded-b rounded-l"
  ).split(" "),
);

/** Utilities whose value is a width, a style or else a color. */
const WIDTH_OR_COLOR = new Set("border border-x border-y border-t border-r border-b border-l ring outline".split(" "));

/** Which groups a class of each group removes besides its own (tailwind-merge's conflicting groups). */
const CONFLICTS: Record<string, string[]> = {
  overflow: ["overflow-x", "overflow-y"],
  inset: ["inset-x", "inset-y", "top", "right", "bottom", "left"],
  "inset-x": ["right", "left"],
  "inset-y": ["top", "bottom"],
  flex: ["basis", "grow", "shrink"],
  gap: ["gap-x", "gap-y"],
  size: ["w", "h"],
  "line-clamp": ["display", "overflow"],
  rounded: ["rounded-t", "rounded-r", "rounded-b", "rounded-l"],
};
// p removes px, py, pt…; px removes pr and pl; the same for margins and border widths and colors.
for (const group of ["p", "m", "border-w-", "border-color-"]) {
  const side = (s: string) => group + s;
  CONFLICTS[group.replace(/-$/, "")] = "x y t r b l".split(" ").map(side);
  CONFLICTS[side("x")] = [side("r"), side("l")];
  CONFLICTS[side("y")] = [side("t"), side("b")];
}
// An earlier class that would undo the hiding goes (Tailwind emits these after sr-only).
CONFLICTS.sr = ["position", "size", "w", "h", "whitespace", "overflow", "p", "m"].flatMap((g) => [
  g,
  ...(CONFLICTS[g] ?? []),
]);

/** A value that is a width (`border`, `border-2`, `ring-[3px]`) rather than a color. */
function isWidth(value: string): boolean {
  return value === "" || NUMBER.test(value) || LENGTH.test(value);
}

/** The conflict group of a class without its variants, or undefined when it is not a known utility. */
function groupOf(base: string): string | undefined {
  if (base.startsWith("[") && base.endsWith("]")) return "arbitrary:" + base.slice(1, base.indexOf(":"));
  const word = WORDS[base];
  if (word) return word;
  // The longest prefix that names a utility: `gap-x-1` is gap-x, `gap-1` is gap.
  for (let i = base.length; i > 0; i = base.lastIndexOf("-", i - 1)) {
    const prefix = base.slice(0, i);
    const value = base.slice(i + 1).replace(/\/[\w.]+$/, "");
    if (prefix === "text") return SIZES.test(value) || LENGTH.test(value) ? "font-size" : "text-color";
    if (prefix === "bg") return "bg-color";
    if (prefix === "shadow") return SIZES.test(value) || value === "" || value === "none" ? "shadow" : "shadow-color";
    if (WIDTH_OR_COLOR.has(prefix)) {
      const kind = isWidth(value) ? "-w" : "-color";
      // border-t-2 is border-w-t, as tailwind-merge names it, so that CONFLICTS can list it.
      return prefix.startsWith("border") ? "border" + kind + prefix.slice(6) : prefix + kind;
    }
    if (PLAIN.has(prefix)) return prefix;
  }
  return undefined;
}

/** Splits `hover:[&_svg]:size-4` into its variants and the utility, ignoring colons inside brackets. */
function splitVariants(name: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === "[" || ch === "(") depth++;
    else if (ch === "]" || ch === ")") depth--;
    else if (ch === ":" && depth === 0) {
      parts.push(name.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(name.slice(start));
  return parts;
}

/** Variants in tailwind-merge's canonical order: sorted, except that arbitrary ones keep their place. */
function variantKey(variants: string[]): string {
  const out: string[] = [];
  let run: string[] = [];
  for (const v of variants) {
    if (v.startsWith("[") || v === "*" || v === "**" || v === "placeholder" || v === "before" || v === "after") {
      out.push(...run.sort(), v);
      run = [];
    } else run.push(v);
  }
  return [...out, ...run.sort()].join(":");
}

/** Drops each class that a later class of the same group (and variants) overrides. */
export function mergeClasses(list: string): string {
  const taken = new Set<string>();
  const kept: string[] = [];
  for (const name of list.split(/\s+/).filter(Boolean).reverse()) {
    const parts = splitVariants(name);
    let base = parts.pop() ?? "";
    const important = base.startsWith("!") || base.endsWith("!");
    base = base.replace(/^!|!$/g, "").replace(/^-/, "");
    const group = groupOf(base);
    if (group === undefined) {
      kept.push(name);
      continue;
    }
    const scope = variantKey(parts) + (important ? "!" : "") + ":";
    if (taken.has(scope + group)) continue;
    taken.add(scope + group);
    for (const other of CONFLICTS[group] ?? []) taken.add(scope + other);
    kept.push(name);
  }
  return kept.reverse().join(" ");
}
