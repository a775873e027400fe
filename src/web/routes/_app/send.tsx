import { createFileRoute } from "@tanstack/react-router";
import { SendPage } from "@/web/features/send/send-page";
import { sendSearch } from "@/web/features/send/send-search";

export const Route = createFileRoute("/_app/send")({
  validateSearch: sendSearch,
  component: SendPage,
});
