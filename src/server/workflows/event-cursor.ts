import type { Clock } from "../clock";
import type { EventsRepo } from "../events/events-repo";
import type { SettingsRepo } from "../store/settings-repo";
import { storedEvent, type EngineEvent } from "./engine-event";

const KEY = "workflows.event-cursor";
const PAGE = 200;

/**
 * Remembers how far the engine has handed stored events to `startRuns`, so that events committed
 * while no engine was listening (a crash between the webhook's 200 and the bus) still start their
 * runs after a restart. Runs are unique per event and workflow, so handing an event over twice is
 * harmless; the cursor only has to never skip one. One instance only (SQLite): with several
 * instances on PostgreSQL each engine hears only its own events, and the "workflows.catch-up"
 * periodic task (event-sweep.ts) keeps this same setting for all of them.
 */
export function createEventCursor(o: {
  events: Pick<EventsRepo, "pageAfter" | "maxId">;
  settings: Pick<SettingsRepo, "get" | "set">;
  clock: Clock;
}) {
  let saved = 0;
  let seen = 0;
  const inFlight = new Set<number>();
  // Everything at or below this point has been handed over and finished.
  const safePoint = () => (inFlight.size ? Math.min(...inFlight) - 1 : seen);
  const save = async (point: number) => {
    await o.settings.set(KEY, String(point), new Date(o.clock()).toISOString(), null);
    saved = point;
  };

  return {
    /** Notes an event from the bus while its runs are being created. */
    track(id: number, work: Promise<unknown>) {
      inFlight.add(id);
      seen = Math.max(seen, id);
      void work.finally(() => inFlight.delete(id));
    },
    /** Persists progress; called from the engine's poll, so the intake path never waits for it. */
    async flush() {
      const point = safePoint();
      if (point > saved) await save(point);
    },
    /**
     * Hands over every stored event after the saved cursor, oldest first. On a first start there is
     * no cursor: history from before workflows existed is not replayed.
     */
    async catchUp(startRuns: (e: EngineEvent) => Promise<unknown>): Promise<number> {
      const raw = await o.settings.get(KEY);
      if (raw === null) {
        seen = Math.max(seen, await o.events.maxId());
        await save(seen);
        return 0;
      }
      let after = Number(raw);
      saved = after;
      seen = Math.max(seen, after);
      let handed = 0;
      for (;;) {
        const page = await o.events.pageAfter({}, after, PAGE);
        if (!page.length) break;
        for (const row of page) {
          const event = storedEvent(row);
          if (event) {
            await startRuns(event);
            handed++;
          }
          after = row.id;
        }
        seen = Math.max(seen, after);
      }
      return handed;
    },
  };
}
export type EventCursor = ReturnType<typeof createEventCursor>;
