import { createFileRoute } from "@tanstack/react-router";
import { webhooksSearch } from "@/web/features/webhooks/webhooks-search";
import { WebhooksPage } from "@/web/features/webhooks/webhooks-page";

export const Route = createFileRoute("/_app/webhooks")({
  validateSearch: webhooksSearch,
  component: WebhooksPage,
});
