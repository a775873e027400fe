import { createFileRoute } from "@tanstack/react-router";
import { TriggerPage } from "@/web/features/triggers/trigger-page";

export const Route = createFileRoute("/_app/triggers/$trigger")({
  component: TriggerPage,
});
