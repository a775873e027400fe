import { createFileRoute } from "@tanstack/react-router";
import { AlertsPage } from "@/web/features/alerts/alerts-page";
import { alertsSearch } from "@/web/features/alerts/alerts-search";

export const Route = createFileRoute("/_app/alerts")({
  validateSearch: alertsSearch,
  component: AlertsPage,
});
