/** Mailroom's intake URL as Postmark must call it, and recognising it in Postmark's settings. */

export const INTAKE_PATH = "/webhooks/postmark";

/** The intake URL without server or credentials, under PUBLIC_URL (which may have a path). */
export function intakeBase(publicUrl: string): string {
  const u = new URL(publicUrl);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}${INTAKE_PATH}`;
}

/** The URL for one server's webhooks (credentials go in HttpAuth). */
export function serverHookUrl(publicUrl: string, serverId: number): string {
  return `${intakeBase(publicUrl)}?server=${serverId}`;
}

/** The inbound hook URL: InboundHookUrl has no HttpAuth, so the credentials ride in the URL. */
export function inboundHookUrl(
  publicUrl: string,
  serverId: number,
  creds: { username: string; password: string },
): string {
  const u = new URL(serverHookUrl(publicUrl, serverId));
  u.username = encodeURIComponent(creds.username);
  u.password = encodeURIComponent(creds.password);
  return u.toString();
}

export interface HookTarget {
  /** The URL is Mailroom's intake. */
  ours: boolean;
  /** The server it names (?server= or /webhooks/postmark/<id>), if any. */
  serverId: number | null;
  username: string | null;
  password: string | null;
}

/** What a configured hook URL points at. */
export function parseHookUrl(url: string | null | undefined, publicUrl: string): HookTarget {
  const none: HookTarget = { ours: false, serverId: null, username: null, password: null };
  if (!url) return none;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return none;
  }
  const base = new URL(intakeBase(publicUrl));
  if (u.origin.toLowerCase() !== base.origin.toLowerCase()) return none;
  const path = u.pathname.replace(/\/+$/, "");
  let serverText: string | null;
  if (path === base.pathname) serverText = u.searchParams.get("server");
  else if (path.startsWith(`${base.pathname}/`)) serverText = path.slice(base.pathname.length + 1);
  else return none;
  const serverId = serverText && /^[1-9]\d{0,15}$/.test(serverText) ? Number(serverText) : null;
  return {
    ours: true,
    serverId,
    username: u.username ? decodeURIComponent(u.username) : null,
    password: u.password ? decodeURIComponent(u.password) : null,
  };
}

export const MASK = "••••••";

/** A URL with its password replaced, for plans and logs. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = MASK;
    return u.toString();
  } catch {
    return url;
  }
}
