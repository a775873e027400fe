import { useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { JobCard } from "@/web/components/job-card";
import { PageHeader } from "@/web/components/page-header";
import { Skeleton } from "@/web/components/ui/skeleton";
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
      {q.isPending ? (
        <Skeleton className="h-32 w-full" aria-label="Loading jobs" />
      ) : q.isError ? (
        <ErrorState title="Could not load jobs" error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.jobs.length === 0 ? (
        <EmptyState icon={ListChecks} title="No jobs yet">
          Start a bulk reactivation from Bounces, or an export from Activity, Bounces or Suppressions.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-2" data-testid="jobs-list">
          {q.data.jobs.map((j) => (
            <JobCard key={j.id} job={j} />
          ))}
        </div>
      )}
    </div>
  );
}
