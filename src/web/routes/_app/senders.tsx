import { createFileRoute } from "@tanstack/react-router";
import { SendersPage } from "@/web/features/senders/senders-page";
import { sendersSearch } from "@/web/features/senders/senders-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/senders")({
  validateSearch: sendersSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("senders"),
  component: SendersPage,
});
