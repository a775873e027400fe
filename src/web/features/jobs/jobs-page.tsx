import { useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { JobCard } from "@/web/components/job-card";
import { PageHeader } from "@/web/components/page-header";
import { jobsListQuery } from "@/web/lib/jobs-api";

/** Every job on the server, newest first, with live progress: everyone sees the same. */
export function JobsPage() {
  const q = useQuery(jobsListQuery({ limit: 50 }));
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-4">
      <PageHeader
        title="Jobs"
        description="Bulk actions and exports the server works through, with their progress and results. They go on when you close the page."
      />
      <DataList
        items={q.data?.jobs}
        itemKey={(j) => j.id}
        label="Jobs"
        className="flex flex-col gap-2"
        testId="jobs-list"
        {...queryState(q)}
        loadingLabel="Loading jobs"
        skeletonRows={1}
        skeletonClassName="h-32"
        errorTitle="Could not load jobs"
        empty={{
          icon: ListChecks,
          title: "No jobs yet",
          children: "Start a bulk reactivation from Bounces, or an export from Activity, Bounces or Suppressions.",
        }}
        renderItem={(j) => <JobCard job={j} />}
      />
    </div>
  );
}
