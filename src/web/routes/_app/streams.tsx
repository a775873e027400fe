import { createFileRoute } from "@tanstack/react-router";
import { streamsSearch } from "@/web/features/streams/streams-search";
import { StreamsPage } from "@/web/features/streams/streams-page";

export const Route = createFileRoute("/_app/streams")({
  validateSearch: streamsSearch,
  component: StreamsPage,
});
