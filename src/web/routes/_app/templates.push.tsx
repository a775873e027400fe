import { createFileRoute } from "@tanstack/react-router";
import { PushPage } from "@/web/features/templates/push-page";

export const Route = createFileRoute("/_app/templates/push")({
  component: PushPage,
});
