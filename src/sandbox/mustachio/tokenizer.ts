import type { TemplateError } from "./errors";
import {
  EACH_CLOSE_SYNTAX,
  EACH_NEEDS_PATH,
  MISMATCHED,
  STRAY_EACH_CLOSE,
  invalidPath,
  unclosedScope,
} from "./messages";

export type Token =
  | { kind: "text"; text: string }
  | { kind: "value"; path: string; escaped: boolean }
  | { kind: "open"; path: string; inverted: boolean }
  | { kind: "close" }
  | { kind: "each-open"; path: string }
  | { kind: "each-close" }
  /** `{{{ @content }}}` in a layout; only produced when `contentPlaceholder` is on. */
  | { kind: "content" };

export interface TokenizeResult {
  tokens: Token[];
  errors: TemplateError[];
}

// Double or triple braces around at least one non-brace character; anything else stays literal text.
const TAG = /(\{\{[^{}]+?\}\})|(\{\{\{[^{}]+?\}\}\})/g;
// Mirrors .NET's `([.]{3,})|([^\w./_]+)|((?<![.]{2})[/])|([.]{2,}($|[^/]))`; .NET \w is Unicode-aware.
const BAD_PATH = /([.]{3,})|([^\p{L}\p{Mn}\p{Nd}\p{Pc}./_]+)|((?<![.]{2})[/])|([.]{2,}($|[^/]))/u;
const CONTENT_PATH = "@content";

/** True when Mustachio accepts `path` (already trimmed). */
export function isValidPath(path: string): boolean {
  return !BAD_PATH.test(path);
}

/** Strips every leading `lead` and trailing `trail` character, like .NET TrimStart/TrimEnd with a char. */
function stripChars(s: string, lead: string, trail: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && lead.includes(s[start] as string)) start++;
  while (end > start && trail.includes(s[end - 1] as string)) end--;
  return s.slice(start, end);
}

/** Tag body after removing the braces and one kind of sigil (all repeats of it), then whitespace. */
function tagBody(tag: string, sigil = ""): string {
  return stripChars(stripChars(tag, "{", "}"), sigil, "").trim();
}

class Locator {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    // Only \n breaks lines; a \r stays on the line it ends.
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  at(index: number): { Line: number; CharacterPosition: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return { Line: lo + 1, CharacterPosition: index - (this.lineStarts[lo] as number) + 1 };
  }
}

interface Scope {
  /** Trimmed path for sections; the raw tag for each blocks, so the two never compare equal. */
  key: string;
  index: number;
  each: boolean;
}

/**
 * Splits a template into tokens and collects every parse error, following Mustachio's Tokenizer:
 * the tag kind comes from its first characters, and scopes are matched with a single stack.
 */
export function tokenize(template: string, options: { contentPlaceholder?: boolean } = {}): TokenizeResult {
  const tokens: Token[] = [];
  const errors: (TemplateError & { order: number })[] = [];
  const locate = new Locator(template);
  const scopes: Scope[] = [];

  const fail = (index: number, message: string): void => {
    errors.push({ Message: message, ...locate.at(index), order: errors.length });
  };
  const validated = (path: string, index: number): string => {
    const trimmed = path.trim();
    if (!isValidPath(trimmed)) fail(index, invalidPath(trimmed));
    return trimmed;
  };
  const top = (): Scope | undefined => scopes[scopes.length - 1];

  let cursor = 0;
  for (const match of template.matchAll(TAG)) {
    const tag = match[0];
    const index = match.index;
    if (index > cursor) tokens.push({ kind: "text", text: template.slice(cursor, index) });
    cursor = index + tag.length;

    if (tag.startsWith("{{#each")) {
      scopes.push({ key: tag, index, each: true });
      const rest = tagBody(tag, "#").slice(4);
      if (rest.startsWith(" ") && rest.trim() !== "") {
        tokens.push({ kind: "each-open", path: validated(rest, index) });
      } else {
        fail(index, EACH_NEEDS_PATH);
      }
    } else if (tag.startsWith("{{/each")) {
      if (tag !== "{{/each}}") fail(index, EACH_CLOSE_SYNTAX);
      else if (top()?.each) {
        scopes.pop();
        tokens.push({ kind: "each-close" });
      } else fail(index, STRAY_EACH_CLOSE);
    } else if (tag.startsWith("{{#") || tag.startsWith("{{^")) {
      const inverted = tag[2] === "^";
      const path = tagBody(tag, inverted ? "^" : "#");
      // Re-opening the innermost block's path switches branch (if/else with one closing tag).
      // Like .NET, the path is then validated twice: once for the implied close, once for the open.
      if (top()?.key === path) {
        validated(path, index);
        tokens.push({ kind: "close" });
      } else scopes.push({ key: path, index, each: false });
      tokens.push({ kind: "open", path: validated(path, index), inverted });
    } else if (tag.startsWith("{{/")) {
      const path = tagBody(tag, "/");
      if (top()?.key === path && !top()?.each) {
        scopes.pop();
        validated(path, index);
        tokens.push({ kind: "close" });
      } else fail(index, MISMATCHED);
    } else if (tag.startsWith("{{{") || tag.startsWith("{{&")) {
      const path = tagBody(tag, "&");
      if (options.contentPlaceholder && path === CONTENT_PATH) tokens.push({ kind: "content" });
      else tokens.push({ kind: "value", path: validated(path, index), escaped: false });
    } else if (tag.startsWith("{{!")) {
      // Comment: dropped.
    } else {
      tokens.push({ kind: "value", path: validated(tagBody(tag), index), escaped: true });
    }
  }
  if (cursor < template.length) tokens.push({ kind: "text", text: template.slice(cursor) });

  for (const scope of scopes) {
    let name = stripChars(scope.key, "{#}", "{#}");
    if (name.startsWith("each ")) name = name.slice(5);
    fail(scope.index, unclosedScope(name));
  }

  // Mustachio sorts by line, then character; ties keep the order they were found in.
  errors.sort((a, b) => a.Line - b.Line || a.CharacterPosition - b.CharacterPosition || a.order - b.order);
  return { tokens, errors: errors.map(({ order: _order, ...e }) => e) };
}
