import { createFileRoute } from "@tanstack/react-router";
import { ServersPage } from "@/web/features/servers/servers-page";
import { serversSearch } from "@/web/features/servers/servers-search";

export const Route = createFileRoute("/_app/servers")({
  validateSearch: serversSearch,
  component: ServersPage,
});
