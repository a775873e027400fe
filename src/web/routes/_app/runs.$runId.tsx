import { createFileRoute } from "@tanstack/react-router";
import { RunDetailPage } from "@/web/features/workflows/runs/run-detail-page";

export const Route = createFileRoute("/_app/runs/$runId")({
  component: RunDetailPage,
});
