import { splitAddressList as splitList } from "../../contract/postmark/recipients";
import { fail } from "../http/errors";
import type { Address } from "../world/types";

const EMAIL_RE = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value);
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
