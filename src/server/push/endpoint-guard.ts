import dns from "node:dns";
import net from "node:net";

/**
 * Mailroom POSTs to every saved push endpoint, so an endpoint is a request Mailroom makes on a
 * user's behalf (SSRF): it must be https on a public address. The address is checked when the
 * subscription is saved and again on every connection (the lookup below), so a name that
 * resolves to a public address at registration and to 127.0.0.1 later (DNS rebinding) is refused.
 */
export interface PushEndpointPolicy {
  /** Test-only: origins accepted whatever their scheme and address (a local push service). */
  allowOrigins?: readonly string[];
  /** Test-only: accept http:// endpoints (still on a public address unless allowlisted). */
  allowHttp?: boolean;
  /** DNS lookup (tests give a fake resolver). */
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
}

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const)
  blocked.addSubnet(net4, prefix, "ipv4");
for (const [net6, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64: an IPv4 address inside
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: an IPv4 address inside
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(net6, prefix, "ipv6");

/** True for an address on the public internet. IPv4-mapped IPv6 is judged by its IPv4 part. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, "ipv4");
  if (family !== 6) return false;
  // WHATWG URL canonicalises IPv6 (e.g. ::ffff:127.0.0.1 → ::ffff:7f00:1), so one pattern fits all spellings.
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  } catch {
    return false; // a zone id (fe80::1%eth0) and the like: never a public push service
  }
  const embedded = /^::(ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (embedded) {
    // IPv4-mapped (::ffff:a.b.c.d) is judged by its IPv4 part; IPv4-compatible (::a.b.c.d) is refused.
    if (!embedded[1]) return false;
    const hi = parseInt(embedded[2]!, 16);
    const lo = parseInt(embedded[3]!, 16);
    return isPublicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return !blocked.check(address, "ipv6");
}

export class EndpointRefused extends Error {
  override name = "EndpointRefused";
}

const systemLookup = async (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

/** The host of a URL without IPv6 brackets. */
const bareHost = (u: URL) => (u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname);

export const isAllowlisted = (u: URL, policy: PushEndpointPolicy) => policy.allowOrigins?.includes(u.origin) ?? false;

/** Resolves `host` and refuses unless every address is public (one private answer is enough to refuse). */
export async function publicAddresses(
  host: string,
  policy: PushEndpointPolicy,
): Promise<{ address: string; family: number }[]> {
  if (net.isIP(host)) {
    if (!isPublicAddress(host)) throw new EndpointRefused(`${host} is not a public address.`);
    return [{ address: host, family: net.isIP(host) }];
  }
  let found: { address: string; family: number }[];
  try {
    found = await (policy.lookup ?? systemLookup)(host);
  } catch {
    throw new EndpointRefused(`${host} does not resolve.`);
  }
  if (found.length === 0) throw new EndpointRefused(`${host} does not resolve.`);
  const bad = found.find((a) => !isPublicAddress(a.address));
  if (bad) throw new EndpointRefused(`${host} resolves to ${bad.address}, which is not a public address.`);
  return found;
}

/** Checks a push endpoint URL and its addresses; throws EndpointRefused with the reason. */
export async function checkPushEndpoint(endpoint: string, policy: PushEndpointPolicy): Promise<URL> {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    throw new EndpointRefused("The endpoint is not a URL.");
  }
  if (isAllowlisted(u, policy)) return u;
  if (u.protocol !== "https:" && !(policy.allowHttp && u.protocol === "http:"))
    throw new EndpointRefused("A push endpoint must be an https URL.");
  if (u.username || u.password) throw new EndpointRefused("A push endpoint must not carry credentials.");
  await publicAddresses(bareHost(u), policy);
  return u;
}
