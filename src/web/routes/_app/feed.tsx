import { createFileRoute } from "@tanstack/react-router";
import { feedSearch } from "@/web/features/feed/feed-search";
import { FeedPage } from "@/web/features/feed/feed-page";

export const Route = createFileRoute("/_app/feed")({
  validateSearch: feedSearch,
  component: FeedPage,
});
