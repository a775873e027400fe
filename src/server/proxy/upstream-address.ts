import { urlToHttpOptions } from "node:url";

/** Where a call goes, as node:http takes it. */
export interface UpstreamAddress {
  protocol: string;
  hostname: string;
  port?: number;
  /** Path and query, as sent on the request line. */
  path: string;
  /** User info of the base URL, when it has some. */
  auth?: string;
}

interface Base {
  protocol: string;
  hostname: string;
  port?: number;
  /** The base URL's own path, e.g. "" or "/postmark". */
  prefix: string;
}

// Paths and queries the URL parser keeps exactly as written: no character it would percent-encode,
// no dot segment it would resolve (nor an encoded dot), no '#' that would end them.
const KEPT_PATH = /^(?:\/[\w~%.-]*)+$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)|%2e/i;
const KEPT_QUERY = /^[!$%&(-;=?-[\]-~]*$/;

// Base URLs are few (the configured one, the sandbox's); tests make many, hence the bound.
const bases = new Map<string, Base | null>();

/**
 * The address of `${baseUrl}${path}?${query}` as `new URL()` would give it, by concatenation of
 * parts already checked: parsing the whole URL on every call showed in the proxy's profile.
 * Anything the parser might rewrite goes through it as before.
 */
export function upstreamAddress(baseUrl: string, path: string, query: string | undefined): UpstreamAddress {
  let base = bases.get(baseUrl);
  if (base === undefined) {
    if (bases.size >= 100) bases.clear();
    base = plainBase(baseUrl);
    bases.set(baseUrl, base);
  }
  if (base && KEPT_PATH.test(path) && !DOT_SEGMENT.test(path) && (!query || KEPT_QUERY.test(query))) {
    const { protocol, hostname, port, prefix } = base;
    return { protocol, hostname, port, path: query ? `${prefix}${path}?${query}` : `${prefix}${path}` };
  }
  const options = urlToHttpOptions(new URL(`${baseUrl}${path}${query ? `?${query}` : ""}`));
  return {
    protocol: options.protocol!,
    hostname: options.hostname!,
    port: options.port === undefined ? undefined : Number(options.port),
    path: options.path!,
    ...(options.auth ? { auth: options.auth } : {}),
  };
}

/** A base URL the parser leaves as written (lower-case scheme and host, no default port, user info, query or '#'). */
function plainBase(baseUrl: string): Base | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  const prefix = baseUrl === url.origin ? "" : url.pathname;
  if (baseUrl !== url.origin + prefix || (prefix !== "" && !KEPT_PATH.test(prefix))) return null;
  const { hostname } = urlToHttpOptions(url);
  return { protocol: url.protocol, hostname: hostname!, port: url.port ? Number(url.port) : undefined, prefix };
}
