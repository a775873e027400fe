import { createFileRoute } from "@tanstack/react-router";
import { SendPage } from "@/web/features/send/send-page";
import { sendSearch } from "@/web/features/send/send-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/send")({
  validateSearch: sendSearch,
  loader: pageData("send"),
  component: SendPage,
});
