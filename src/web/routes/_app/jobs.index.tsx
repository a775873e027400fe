import { createFileRoute } from "@tanstack/react-router";
import { JobsPage } from "@/web/features/jobs/jobs-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/jobs/")({
  loader: pageData("jobs"),
  component: JobsPage,
});
