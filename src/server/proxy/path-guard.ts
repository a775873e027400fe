import { ApiFailure } from "../errors";

const bad = (message: string) => new ApiFailure(400, "bad_request", message);

// Raw control characters, space, DEL or a backslash anywhere in the request target.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_FORBIDDEN = /[\u0000-\u0020\u007f\\]/;
// Encoded slash, backslash, dot, percent (double encoding) or control character in a path.
const PATH_ENCODED_FORBIDDEN = /%(?:2f|5c|2e|25|[01][0-9a-f]|7f)/i;
// An encoded unreserved character (letter, digit, '-', '_', '~'): no client needs it, and
// `/templates/%70ush` would match `/templates/{id}` here yet mean `/templates/push` upstream.
const PATH_ENCODED_UNRESERVED = /%(?:3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|2d|5f|7e)/i;
// Encoded (once or twice) control characters in a query string; they could split headers upstream.
const QUERY_ENCODED_FORBIDDEN = /%(?:25)?(?:[01][0-9a-f]|7f)/i;
// One path segment: unreserved characters and percent-encoded bytes only (no ':', so no scheme).
const SEGMENT = /^(?:[A-Za-z0-9_~-]|\.|%[0-9A-Fa-f]{2})+$/;

export interface CheckedTarget {
  /** The Postmark path, e.g. `/bounces/12/dump`. */
  path: string;
  /** The query string as received, without `?` (may be empty). */
  query: string;
}

/** Checks a Postmark path (and query) before anything else sees it; throws a 400 on anything odd. */
export function checkTarget(path: string, query = ""): CheckedTarget {
  if (RAW_FORBIDDEN.test(path) || RAW_FORBIDDEN.test(query)) {
    throw bad(
      "The request path or query holds a control character, a space or a backslash, which Postmark paths never contain.",
    );
  }
  if (!path.startsWith("/") || path.startsWith("//")) {
    throw bad("The Postmark path must be a plain path such as /bounces, not a URL or a //host reference.");
  }
  if (PATH_ENCODED_FORBIDDEN.test(path)) {
    throw bad(
      "The Postmark path holds an encoded slash, dot, backslash, percent sign or control character; Mailroom refuses such paths.",
    );
  }
  if (PATH_ENCODED_UNRESERVED.test(path)) {
    throw bad(
      "The Postmark path holds a percent-encoded letter, digit or unreserved character; write it plainly. Mailroom refuses such paths.",
    );
  }
  if (QUERY_ENCODED_FORBIDDEN.test(query)) {
    throw bad("The query string holds an encoded control character (such as a line break); Mailroom refuses it.");
  }
  const segments = path.slice(1).split("/");
  // A single trailing slash is fine (`/templates/`); empty segments elsewhere are not.
  if (segments.at(-1) === "") segments.pop();
  for (const s of segments) {
    if (s === "" || s === "." || s === ".." || !SEGMENT.test(s)) {
      throw bad("The Postmark path holds an empty, '.' or '..' segment or characters that Postmark paths never use.");
    }
  }
  return { path, query };
}

/**
 * Splits the raw request target (as the client sent it, before any URL normalisation)
 * into the part after `prefix` and the query.
 */
export function splitRawTarget(rawTarget: string, prefix: string): CheckedTarget {
  if (!rawTarget.startsWith("/")) throw bad("Absolute URLs are not accepted as request targets.");
  const q = rawTarget.indexOf("?");
  const rawPath = q === -1 ? rawTarget : rawTarget.slice(0, q);
  const query = q === -1 ? "" : rawTarget.slice(q + 1);
  if (!rawPath.toLowerCase().startsWith(prefix.toLowerCase())) throw bad("The request path is not a proxy path.");
  return checkTarget(rawPath.slice(prefix.length) || "/", query);
}
