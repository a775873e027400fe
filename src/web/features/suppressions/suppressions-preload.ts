import type { QueryClient } from "@tanstack/react-query";
import { jobsListQuery } from "@/web/lib/jobs-api";
import { selectedServer } from "@/web/lib/server-selection";
import { dumpQuery, pickStream, streamsQuery, usableStreams } from "./suppressions-api";
import type { SuppressionsSearch } from "./suppressions-search";

/**
 * What the page asks for first, started when a link is hovered (intent preload) or followed (issue 17).
 * The dump needs a stream: with one in the URL it starts at once, otherwise right after the stream list.
 */
export function preload(qc: QueryClient, search: SuppressionsSearch): void {
  const serverId = selectedServer.get();
  void qc.prefetchQuery(jobsListQuery({ kind: "suppression-removal", serverId, limit: 10 }));
  const dump = (stream: string | undefined) => {
    if (stream) void qc.prefetchQuery(dumpQuery(stream, search, serverId));
  };
  if (search.stream) dump(search.stream);
  void qc
    .fetchQuery(streamsQuery(serverId))
    .then((list) => !search.stream && dump(pickStream(usableStreams(list), undefined)))
    .catch(() => undefined);
}
