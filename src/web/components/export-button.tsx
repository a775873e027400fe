import { useQuery } from "@tanstack/react-query";
import { FileDown } from "lucide-react";
import { useState } from "react";
import type { ExportSource } from "@/contract/api/jobs";
import { ErrorState } from "@/web/components/error-state";
import { JobCard } from "@/web/components/job-card";
import { Button } from "@/web/components/ui/button";
import { jobQuery, useStartJob } from "@/web/lib/jobs-api";

/**
 * Exports the whole result of the page's filter as CSV through a server job (past Postmark's
 * 10,000-row paging ceiling); the card shows progress and the download when it is done.
 */
export function ExportButton({
  source,
  filter,
  serverId,
  label = "Export CSV",
}: {
  source: ExportSource;
  filter: Record<string, string>;
  serverId: number | null;
  label?: string;
}) {
  const start = useStartJob();
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useQuery({ ...jobQuery(jobId ?? 0, { limit: 1 }), enabled: jobId !== null });
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={start.isPending}
          onClick={() =>
            start.mutate(
              { kind: "export", params: { serverId, source, filter } },
              { onSuccess: (r) => setJobId(r.job.id) },
            )
          }
        >
          <FileDown aria-hidden /> {label}
        </Button>
      </div>
      {start.isError && <ErrorState title="Could not start the export" error={start.error} />}
      {job.data && <JobCard job={job.data.job} />}
    </div>
  );
}
