import { useQuery } from "@tanstack/react-query";
import { alertsListQuery } from "@/web/lib/alerts-api";
import { AlertEntry } from "./alert-entry";

const DAY = 86_400_000;

/** Alerts as entries of the event feed: those firing, and those resolved in the last day. */
export function AlertFeedEntries() {
  const q = useQuery({ ...alertsListQuery({}, 20), meta: { silent: true } });
  const now = Date.now();
  const shown = (q.data?.alerts ?? [])
    .filter((a) => a.status === "firing" || (a.endedAt !== null && now - Date.parse(a.endedAt) < DAY))
    .slice(0, 5);
  if (shown.length === 0) return null;
  return (
    <section
      aria-label="Alerts"
      className="mt-3 divide-y overflow-hidden rounded-lg border bg-card"
      data-testid="feed-alerts"
    >
      {shown.map((a) => (
        <AlertEntry key={a.id} alert={a} />
      ))}
    </section>
  );
}
