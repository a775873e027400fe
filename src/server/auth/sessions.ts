import crypto from "node:crypto";
import type { Role, SessionUser } from "../../contract/api/auth";
import type { Clock } from "../clock";
import type { Store } from "../store/index";

export interface ActiveSession {
  idHash: string;
  user: SessionUser;
  expiresAt: string;
}

const hashId = (id: string) => crypto.createHash("sha256").update(id).digest("base64url");
// Writing last_seen on every request would turn each read into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export function createSessions(deps: { store: Store; clock: Clock; idleMinutes: number; maxHours: number }) {
  const idleMs = deps.idleMinutes * 60_000;
  const maxMs = deps.maxHours * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  return {
    idleMs,
    maxMs,
    /** Starts a session; returns the cookie value (only its hash is stored). */
    async create(userId: number, userAgent: string | null): Promise<{ id: string; expiresAt: string }> {
      const id = crypto.randomBytes(32).toString("base64url");
      const now = deps.clock();
      const expiresAt = iso(now + maxMs);
      await deps.store.sessions.insert({
        id_hash: hashId(id),
        user_id: userId,
        created_at: iso(now),
        last_seen_at: iso(now),
        expires_at: expiresAt,
        user_agent: userAgent?.slice(0, 300) ?? null,
      });
      return { id, expiresAt };
    },

    /** The live session for a cookie value, or null (and the stale row is dropped). */
    async resolve(id: string | undefined): Promise<ActiveSession | null> {
      if (!id || id.length > 100) return null;
      const idHash = hashId(id);
      const row = await deps.store.sessions.withUser(idHash);
      if (!row) return null;
      const now = deps.clock();
      const lastSeen = Date.parse(row.last_seen_at);
      if (Date.parse(row.expires_at) <= now || now - lastSeen >= idleMs) {
        await deps.store.sessions.remove(idHash);
        return null;
      }
      if (now - lastSeen >= TOUCH_EVERY_MS) await deps.store.sessions.touch(idHash, iso(now));
      return { idHash, user: { id: Number(row.user_id), username: row.username, role: row.role as Role }, expiresAt: row.expires_at };
    },

    async destroy(idHash: string) {
      await deps.store.sessions.remove(idHash);
    },

    async destroyForUser(userId: number, keepIdHash?: string) {
      await deps.store.sessions.removeForUser(userId, keepIdHash);
    },

    async sweep() {
      const now = deps.clock();
      return deps.store.sessions.removeExpired(iso(now), iso(now - idleMs));
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
