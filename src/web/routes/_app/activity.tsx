import { createFileRoute } from "@tanstack/react-router";
import { activitySearch } from "@/web/features/activity/activity-search";
import { ActivityPage } from "@/web/features/activity/activity-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/activity")({
  validateSearch: activitySearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("activity"),
  component: ActivityPage,
});
