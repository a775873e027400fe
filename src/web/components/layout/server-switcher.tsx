import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { serversQuery } from "@/web/lib/app-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { listenForServerChanges } from "@/web/lib/servers-sync";

/** Chooses the Postmark server that server-token calls go to (sent as X-Mailroom-Server). */
export function ServerSwitcher() {
  const { data } = useQuery({ ...serversQuery, meta: { silent: true } });
  const chosen = selectedServer.use();
  const qc = useQueryClient();
  useEffect(() => listenForServerChanges(qc), [qc]);
  // A chosen server that was deleted (here or in another tab) falls back to the default one.
  useEffect(() => {
    if (data && chosen !== null && !data.servers.some((s) => s.id === chosen)) selectedServer.set(null);
  }, [data, chosen]);
  if (!data || data.servers.length === 0) return null;
  const current = data.servers.some((s) => s.id === chosen) ? chosen : data.defaultServerId;
  return (
    <Select
      value={current === null ? undefined : String(current)}
      onValueChange={(v) => selectedServer.set(Number(v) === data.defaultServerId ? null : Number(v))}
    >
      <SelectTrigger
        className="h-8 w-auto max-w-[9rem] min-w-0 sm:max-w-[16rem] [&>span]:min-w-0 [&>span]:truncate"
        aria-label="Postmark server"
      >
        <SelectValue placeholder="Choose a server" />
      </SelectTrigger>
      <SelectContent>
        {data.servers.map((s) => (
          <SelectItem key={s.id} value={String(s.id)}>
            <span className="flex min-w-0 items-center gap-2">
              <span
                className="size-2 shrink-0 rounded-full"
                style={{ background: s.color ?? "var(--muted-foreground)" }}
                aria-hidden
              />
              <span className="truncate">{s.name}</span>
            </span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
