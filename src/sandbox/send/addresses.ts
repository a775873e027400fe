import { fail } from "../http/errors";
import type { Address } from "../world/types";

const EMAIL_RE = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value);
}

/** Splits an address list on commas that are not inside quotes. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === "," || ch === ";") && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseAddress(text: string, field: string): Address {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^>]+)>\s*$/.exec(text);
  const email = (m ? m[2]! : text).trim();
  const name = m && m[1] ? m[1].trim() : null;
  if (!isEmail(email))
    fail(300, `Error parsing '${field}': Illegal email address '${email}'. It must contain the '@' symbol.`);
  return { Email: email, Name: name };
}

export function parseAddressList(value: unknown, field: string): Address[] {
  if (value === undefined || value === null || value === "") return [];
  if (typeof value !== "string") fail(300, `Error parsing '${field}': expected a string of comma-separated addresses.`);
  return splitList(value).map((p) => parseAddress(p, field));
}
