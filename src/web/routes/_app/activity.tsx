import { createFileRoute } from "@tanstack/react-router";
import { activitySearch } from "@/web/features/activity/activity-search";
import { ActivityPage } from "@/web/features/activity/activity-page";

export const Route = createFileRoute("/_app/activity")({
  validateSearch: activitySearch,
  component: ActivityPage,
});
