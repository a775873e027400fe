import { useQuery } from "@tanstack/react-query";
import { streamsList } from "@/contract/postmark/streams";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";

/** The current server's sending streams (streams.list); `broadcastOnly` for bulk sends. */
export function SendStreamSelect({
  id,
  value,
  onChange,
  broadcastOnly = false,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  broadcastOnly?: boolean;
}) {
  const serverId = selectedServer.use();
  const streams = useQuery(postmarkQueryOptions(streamsList, { query: {} }, serverId));
  const usable = (streams.data?.MessageStreams ?? []).filter(
    (s) =>
      s.ID &&
      !s.ArchivedAt &&
      (broadcastOnly ? s.MessageStreamType === "Broadcasts" : s.MessageStreamType !== "Inbound"),
  );
  return (
    <Select value={value || undefined} onValueChange={onChange}>
      <SelectTrigger id={id}>
        <SelectValue placeholder={streams.isPending ? "Loading streams…" : "Pick a stream"} />
      </SelectTrigger>
      <SelectContent>
        {usable.map((s) => (
          <SelectItem key={s.ID} value={s.ID!}>
            {s.Name ?? s.ID} <span className="text-muted-foreground">· {s.MessageStreamType}</span>
          </SelectItem>
        ))}
        {value && !usable.some((s) => s.ID === value) && <SelectItem value={value}>{value}</SelectItem>}
      </SelectContent>
    </Select>
  );
}
