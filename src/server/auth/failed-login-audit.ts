import type { Clock } from "../clock";
import type { AuditEntry } from "../store/audit-repo";

export interface FailedLogin {
  username: string;
  address: string;
  /** wrong_password, unknown_user or too_many_requests. */
  reason: string;
  actor: AuditEntry["actor"];
  outcome: "failure" | "denied";
  requestId: string | null;
}

interface Window {
  started: number;
  repeats: number;
  last: FailedLogin;
}

/**
 * Failed sign-ins go to the audit trail, but a burst must not add a row per attempt: the first
 * failure of an account from an address in a window is recorded at once, further ones are only
 * counted and recorded as one `auth.login.failed.repeated` row when the window ends. New
 * account+address pairs beyond `maxPairs` per window share a single overflow count, so even a
 * spray of usernames from many addresses writes a bounded number of rows.
 */
export function createFailedLoginAudit(deps: {
  clock: Clock;
  write: (entry: AuditEntry) => Promise<unknown>;
  windowMs?: number;
  maxPairs?: number;
}) {
  const windowMs = deps.windowMs ?? 15 * 60_000;
  const maxPairs = deps.maxPairs ?? 500;
  const pairs = new Map<string, Window>();
  let overflow: { started: number; count: number } | null = null;

  const details = (f: FailedLogin) => ({ username: f.username.slice(0, 64), address: f.address });
  const summary = (w: Window) =>
    deps.write({
      actor: w.last.actor,
      action: "auth.login.failed.repeated",
      target: `user:${w.last.username.toLowerCase().slice(0, 64)}`,
      outcome: w.last.outcome,
      outcomeDetail: w.last.reason,
      requestId: w.last.requestId,
      details: { ...details(w.last), repeats: w.repeats, windowStartedAt: new Date(w.started).toISOString() },
      detail: `${w.repeats} more failed sign-in(s) in ${Math.round(windowMs / 60_000)} minutes`,
    });

  /** Writes the summaries of windows that have ended (all of them with `all`). */
  async function flush(all = false) {
    const now = deps.clock();
    const due: Window[] = [];
    for (const [key, w] of pairs) {
      if (all || now - w.started >= windowMs) {
        pairs.delete(key);
        if (w.repeats > 0) due.push(w);
      }
    }
    if (overflow && (all || now - overflow.started >= windowMs)) {
      const o = overflow;
      overflow = null;
      if (o.count > 0) {
        await deps.write({
          actor: "system",
          action: "auth.login.failed.repeated",
          target: "user:*",
          outcome: "failure",
          outcomeDetail: "many_accounts",
          details: { repeats: o.count, windowStartedAt: new Date(o.started).toISOString() },
          detail: `${o.count} failed sign-in(s) on further accounts`,
        });
      }
    }
    for (const w of due) await summary(w);
  }

  return {
    async record(f: FailedLogin) {
      await flush();
      const now = deps.clock();
      const key = `${f.username.toLowerCase().slice(0, 64)}\n${f.address}`;
      const open = pairs.get(key);
      if (open) {
        open.repeats++;
        open.last = f;
        return;
      }
      if (pairs.size >= maxPairs) {
        overflow ??= { started: now, count: 0 };
        overflow.count++;
        return;
      }
      pairs.set(key, { started: now, repeats: 0, last: f });
      await deps.write({
        actor: f.actor,
        action: "auth.login.failed",
        target: `user:${f.username.toLowerCase().slice(0, 64)}`,
        outcome: f.outcome,
        outcomeDetail: f.reason,
        requestId: f.requestId,
        details: details(f),
      });
    },
    flush,
  };
}
export type FailedLoginAudit = ReturnType<typeof createFailedLoginAudit>;
