import crypto from "node:crypto";
import type { Role, SessionUser } from "../../contract/api/auth";
import type { Clock } from "../clock";
import type { Store } from "../store/index";

export interface ActiveSession {
  idHash: string;
  user: SessionUser;
  expiresAt: string;
}

// One-shot hash: no Hash object per request (the same digest as createHash).
const hashId = (id: string) => crypto.hash("sha256", id, "base64url");
// Writing last_seen on every request would turn each read into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/** Which sessions just ended: one, or all of a user's (but `keepIdHash`). */
export type SessionEnd = { idHash: string } | { userId: number; keepIdHash?: string };

/** True when `end` covers `session`. */
export const endsSession = (end: SessionEnd, session: Pick<ActiveSession, "idHash" | "user">) =>
  "idHash" in end ? end.idHash === session.idHash : end.userId === session.user.id && end.keepIdHash !== session.idHash;

export function createSessions(deps: { store: Store; clock: Clock; idleMinutes: number; maxHours: number }) {
  const idleMs = deps.idleMinutes * 60_000;
  const maxMs = deps.maxHours * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  // Long-lived responses (the live feed) listen, so they close the moment their session ends here.
  const listeners = new Set<(end: SessionEnd) => void>();
  const ended = (end: SessionEnd) => listeners.forEach((l) => l(end));

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
      return {
        idHash,
        user: { id: Number(row.user_id), username: row.username, role: row.role as Role },
        expiresAt: row.expires_at,
      };
    },

    /**
     * Whether a session resolved earlier still holds, for long-lived responses: the row exists,
     * neither timeout has passed, and the user still has the same name and role (a demoted
     * user's stream must not go on with the old role). Does not count as activity.
     */
    async stillValid(session: Pick<ActiveSession, "idHash" | "user">): Promise<boolean> {
      const row = await deps.store.sessions.withUser(session.idHash);
      if (!row) return false;
      const now = deps.clock();
      if (Date.parse(row.expires_at) <= now || now - Date.parse(row.last_seen_at) >= idleMs) return false;
      return (
        Number(row.user_id) === session.user.id &&
        row.username === session.user.username &&
        row.role === session.user.role
      );
    },

    /** Calls `listener` whenever sessions end in this process; returns the unsubscribe. */
    onEnd(listener: (end: SessionEnd) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async destroy(idHash: string) {
      await deps.store.sessions.remove(idHash);
      ended({ idHash });
    },

    /** Ends a user's sessions (sign-out everywhere, new password, new role, user removed). */
    async destroyForUser(userId: number, keepIdHash?: string) {
      await deps.store.sessions.removeForUser(userId, keepIdHash);
      ended({ userId, keepIdHash });
    },

    async sweep() {
      const now = deps.clock();
      return deps.store.sessions.removeExpired(iso(now), iso(now - idleMs));
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
