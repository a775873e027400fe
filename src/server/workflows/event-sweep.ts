import type { TriggerId } from "../../contract/postmark/index";
import type { EventsRepo } from "../events/events-repo";
import type { SettingsRepo } from "../store/settings-repo";
import type { EngineEvent } from "./engine";

const KEY = "workflows.event-cursor";
const PAGE = 500;

/**
 * Several instances on PostgreSQL: each engine starts the runs of the events its own instance
 * stored, at once. This pass (a periodic task, so one instance at a time) hands every stored event
 * older than `graceMs` after the shared cursor to `startRuns` as well, and then moves the cursor:
 * events of an instance that died between acknowledging a webhook and starting its runs, or that
 * met an engine whose list of enabled workflows was a moment stale, still get their runs. Runs are
 * unique per event and workflow, so handing an event over again creates nothing twice. Ids become
 * visible in id order (events-repo), so the cursor never passes an event still to come.
 */
export async function sweepEvents(o: {
  events: Pick<EventsRepo, "pageAfter" | "maxId">;
  settings: Pick<SettingsRepo, "get" | "set">;
  now: number;
  graceMs: number;
  startRuns: (e: EngineEvent) => Promise<unknown>;
}): Promise<number> {
  const iso = new Date(o.now).toISOString();
  const raw = await o.settings.get(KEY);
  if (raw === null) {
    // Migration 012 sets the cursor before any webhook is taken; without it (a bare settings store), start from now.
    await o.settings.set(KEY, String(await o.events.maxId()), iso, null);
    return 0;
  }
  const edge = new Date(o.now - o.graceMs).toISOString();
  let after = Number(raw);
  let handed = 0;
  try {
    for (;;) {
      const page = await o.events.pageAfter({}, after, PAGE);
      for (const row of page) {
        // Younger events are still their own instance's to start; stop here and come back.
        if (row.received_at > edge) return handed;
        if (row.trigger !== null) {
          await o.startRuns({
            id: row.id,
            trigger: row.trigger as TriggerId,
            serverId: row.server_id,
            payload: JSON.parse(row.payload),
            stream: row.message_stream,
          });
          handed++;
        }
        after = row.id;
      }
      if (page.length < PAGE) return handed;
    }
  } finally {
    if (after > Number(raw)) await o.settings.set(KEY, String(after), iso, null);
  }
}
