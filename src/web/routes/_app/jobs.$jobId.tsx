import { createFileRoute } from "@tanstack/react-router";
import { JobPage } from "@/web/features/jobs/job-page";

export const Route = createFileRoute("/_app/jobs/$jobId")({
  component: JobPage,
});
