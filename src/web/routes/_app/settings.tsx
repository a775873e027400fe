import { createFileRoute } from "@tanstack/react-router";
import { SettingsPage } from "@/web/features/settings/settings-page";
import { oneOf, searchSchema } from "@/web/lib/search-params";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/settings")({
  validateSearch: searchSchema({ tab: oneOf(["users", "connection", "webhooks", "notifications"], "users") }),
  loaderDeps: ({ search }) => search,
  loader: pageData("settings"),
  component: SettingsPage,
});
