import { createFileRoute } from "@tanstack/react-router";
import { AreaPlaceholder } from "@/web/components/area-placeholder";

export const Route = createFileRoute("/_app/data-removals")({
  component: () => <AreaPlaceholder id="data-removals" />,
});
