import { createFileRoute } from "@tanstack/react-router";
import { feedSearch } from "@/web/features/feed/feed-search";
import { FeedPage } from "@/web/features/feed/feed-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/feed")({
  validateSearch: feedSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("feed"),
  component: FeedPage,
});
