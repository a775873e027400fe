import { createFileRoute } from "@tanstack/react-router";
import { streamsSearch } from "@/web/features/streams/streams-search";
import { StreamsPage } from "@/web/features/streams/streams-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/streams")({
  validateSearch: streamsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("streams"),
  component: StreamsPage,
});
