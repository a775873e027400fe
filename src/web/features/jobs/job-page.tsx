import { getRouteApi, Link } from "@tanstack/react-router";
import { JobDetail } from "@/web/components/job-detail";
import { PageHeader } from "@/web/components/page-header";

const route = getRouteApi("/_app/jobs/$jobId");

export function JobPage() {
  const { jobId } = route.useParams();
  const navigate = route.useNavigate();
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-4">
      <PageHeader
        title={`Job ${jobId}`}
        description={
          <Link to="/jobs" className="text-primary hover:underline">
            All jobs
          </Link>
        }
      />
      <JobDetail
        key={jobId}
        id={Number(jobId)}
        onRun={(id) => void navigate({ to: "/jobs/$jobId", params: { jobId: String(id) } })}
      />
    </div>
  );
}
