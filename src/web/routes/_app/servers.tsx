import { createFileRoute } from "@tanstack/react-router";
import { AreaPlaceholder } from "@/web/components/area-placeholder";

export const Route = createFileRoute("/_app/servers")({
  component: () => <AreaPlaceholder id="servers" />,
});
