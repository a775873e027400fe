import { useQuery } from "@tanstack/react-query";
import { bouncesDump, bouncesGet } from "@/contract/postmark/bounces";
import type { ApprovalItem } from "@/contract/api/approvals";
import { ErrorState } from "@/web/components/error-state";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { pathParamsOf } from "../approvals-describe";
import { ApprovalsSection } from "./approvals-item-context";

/** For a reactivation: the bounce it reactivates and its SMTP dump, read live from Postmark. */
export function ApprovalsBounceContext({ item }: { item: ApprovalItem }) {
  const bounceid = pathParamsOf(item).bounceid;
  const id = Number(bounceid);
  const enabled = Number.isSafeInteger(id) && id > 0;
  const input = { params: { bounceid: id } };
  const bounce = useQuery({
    ...postmarkQueryOptions(bouncesGet, input, item.request.serverId),
    enabled,
    meta: { silent: true },
  });
  const dump = useQuery({
    ...postmarkQueryOptions(bouncesDump, input, item.request.serverId),
    enabled,
    meta: { silent: true },
  });
  if (!enabled) return null;
  const b = bounce.data;
  return (
    <ApprovalsSection title={`Bounce ${id}`} testId="approval-bounce">
      {bounce.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : bounce.isError ? (
        <ErrorState
          title="Could not read the bounce from Postmark"
          error={bounce.error}
          onRetry={() => void bounce.refetch()}
        />
      ) : (
        <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Address</dt>
          <dd className="break-all">{b?.Email ?? "—"}</dd>
          <dt className="text-muted-foreground">Type</dt>
          <dd>
            {b?.Type ?? "—"}
            {b?.Description ? `: ${b.Description}` : ""}
          </dd>
          <dt className="text-muted-foreground">Bounced</dt>
          <dd>{formatDateTime(b?.BouncedAt)}</dd>
          <dt className="text-muted-foreground">Can activate</dt>
          <dd>
            {b?.CanActivate ? "yes" : "no"}
            {b?.Inactive ? " (address is inactive)" : ""}
          </dd>
          {b?.Details && (
            <>
              <dt className="text-muted-foreground">Details</dt>
              <dd className="break-words">{b.Details}</dd>
            </>
          )}
        </dl>
      )}
      <p className="mb-1 text-xs text-muted-foreground">SMTP dump</p>
      {dump.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : dump.isError ? (
        <ErrorState title="Could not read the dump" error={dump.error} />
      ) : dump.data?.Body ? (
        <pre className="max-h-64 overflow-auto rounded-md border bg-muted/40 p-3 text-xs whitespace-pre-wrap break-all">
          {dump.data.Body}
        </pre>
      ) : (
        <p className="text-sm text-muted-foreground">
          Postmark keeps no dump for this bounce (dumps are kept for 30 days).
        </p>
      )}
    </ApprovalsSection>
  );
}
