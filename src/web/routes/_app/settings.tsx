import { createFileRoute } from "@tanstack/react-router";
import { SettingsPage } from "@/web/features/settings/settings-page";
import { oneOf, searchSchema } from "@/web/lib/search-params";

export const Route = createFileRoute("/_app/settings")({
  validateSearch: searchSchema({ tab: oneOf(["users", "connection", "webhooks", "notifications"], "users") }),
  component: SettingsPage,
});
