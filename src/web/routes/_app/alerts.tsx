import { createFileRoute } from "@tanstack/react-router";
import { AlertsPage } from "@/web/features/alerts/alerts-page";
import { alertsSearch } from "@/web/features/alerts/alerts-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/alerts")({
  validateSearch: alertsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("alerts"),
  component: AlertsPage,
});
