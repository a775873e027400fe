import { createFileRoute } from "@tanstack/react-router";
import { SendersPage } from "@/web/features/senders/senders-page";
import { sendersSearch } from "@/web/features/senders/senders-search";

export const Route = createFileRoute("/_app/senders")({
  validateSearch: sendersSearch,
  component: SendersPage,
});
