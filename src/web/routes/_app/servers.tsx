import { createFileRoute } from "@tanstack/react-router";
import { ServersPage } from "@/web/features/servers/servers-page";
import { serversSearch } from "@/web/features/servers/servers-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/servers")({
  validateSearch: serversSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("servers"),
  component: ServersPage,
});
