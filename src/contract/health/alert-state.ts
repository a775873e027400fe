// The life of an alert, decided purely: a breach opens one (firing), later breaches keep it open
// without new notifications until the quiet period has passed (then one reminder), and the first
// check without a breach resolves it. A new breach after that is a new alert.

export interface OpenAlertState {
  startedAt: number;
  /** When a notification (opening or reminder) last went out. */
  lastNotifiedAt: number;
}

export type AlertAction =
  { type: "none" } | { type: "open"; notify: true } | { type: "keep"; notify: boolean } | { type: "resolve" };

export function nextAlertAction(
  open: OpenAlertState | null,
  breached: boolean,
  now: number,
  remindAfterMs: number,
): AlertAction {
  if (!open) return breached ? { type: "open", notify: true } : { type: "none" };
  if (!breached) return { type: "resolve" };
  return { type: "keep", notify: now - open.lastNotifiedAt >= remindAfterMs };
}

/** The state after an action, for callers that keep it in memory (tests, simulations). */
export function applyAlertAction(open: OpenAlertState | null, action: AlertAction, now: number): OpenAlertState | null {
  switch (action.type) {
    case "none":
      return open;
    case "open":
      return { startedAt: now, lastNotifiedAt: now };
    case "keep":
      return open && action.notify ? { ...open, lastNotifiedAt: now } : open;
    case "resolve":
      return null;
  }
}
