import { createFileRoute } from "@tanstack/react-router";
import { webhooksSearch } from "@/web/features/webhooks/webhooks-search";
import { WebhooksPage } from "@/web/features/webhooks/webhooks-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/webhooks")({
  validateSearch: webhooksSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("webhooks"),
  component: WebhooksPage,
});
