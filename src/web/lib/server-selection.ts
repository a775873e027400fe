import { createLocalStore } from "./local-store";

/** The server the console is looking at; null means the default server. Sent as X-Mailroom-Server. */
export const selectedServer = createLocalStore<number | null>(
  "mailroom.server",
  (raw) => {
    const n = raw === null ? NaN : Number(raw);
    return Number.isInteger(n) && n > 0 ? n : null;
  },
  (v) => (v === null ? null : String(v)),
);

export function serverHeaders(serverId: number | null): Record<string, string> {
  return serverId === null ? {} : { "X-Mailroom-Server": String(serverId) };
}
