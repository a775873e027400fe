import { stepIdPattern, transformSchema, type MapSource, type Transform } from "./schema";

/** One `{{ … }}` placeholder: the same source, path and transforms a `$map` holds. */
export interface TemplateRef {
  from: MapSource;
  path: string;
  transforms: Transform[];
  /** The text between the braces, for messages. */
  raw: string;
}

export type TemplatePart = string | TemplateRef;
export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; message: string };

/** Splits on `|` outside quotes. */
function splitPipes(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "|") {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim());
}

function parseArg(raw: string): unknown {
  const text = raw.trim();
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) return text.slice(1, -1);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `lowerCase`, `join:", "`, `default:"there"`, `default:0`. */
function parseTransform(text: string): Transform | string {
  const colon = text.indexOf(":");
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  const arg = colon < 0 ? undefined : parseArg(text.slice(colon + 1));
  const candidate: Record<string, unknown> = { type: name };
  if (arg !== undefined) {
    if (name === "join" || name === "split") candidate.separator = arg;
    else if (name === "default") candidate.value = arg;
    else return `Transform "${name}" takes no argument`;
  } else if (name === "default") return `default needs a value, e.g. default:"none"`;
  const parsed = transformSchema.safeParse(candidate);
  return parsed.success ? parsed.data : `Unknown transform "${name}"`;
}

const refPattern = new RegExp(`^(trigger|step:${stepIdPattern.source.slice(1, -1)})(?:\\.(.+)|(\\[.+))?$`);

function parseRef(inner: string): TemplateRef | string {
  const [head = "", ...pipes] = splitPipes(inner);
  const m = refPattern.exec(head);
  if (!m) return `"{{${inner}}}" must start with trigger or step:<id>, e.g. {{trigger.Recipient}}`;
  const transforms: Transform[] = [];
  for (const p of pipes) {
    const t = parseTransform(p);
    if (typeof t === "string") return t;
    transforms.push(t);
  }
  return { from: m[1] as MapSource, path: m[2] ?? m[3] ?? "", transforms, raw: inner.trim() };
}

/** Parses `"Hello {{trigger.FromName | default:\"there\"}}"` into text and references. */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf("{{");
    if (open < 0) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf("}}", open + 2);
    if (close < 0) return { ok: false, message: "A {{ has no matching }}" };
    const ref = parseRef(rest.slice(open + 2, close));
    if (typeof ref === "string") return { ok: false, message: ref };
    parts.push(ref);
    rest = rest.slice(close + 2);
  }
  return { ok: true, parts };
}
