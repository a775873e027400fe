import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, ChevronLeft, ChevronRight } from "lucide-react";
import { useRef } from "react";
import type { DecisionResponse } from "@/contract/api/approvals";
import { ErrorState } from "@/web/components/error-state";
import { NotFound } from "@/web/components/not-found";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { isApiError } from "@/web/lib/api-error";
import { approvalQuery, approvalsListQuery } from "../approvals-api";
import { describeApproval } from "../approvals-describe";
import { afterDecision, neighbours, useSwipe } from "../approvals-swipe";
import { useServerNames } from "../use-server-names";
import { ApprovalsDecisionBar } from "./approvals-decision-bar";
import { ApprovalsItemView } from "./approvals-item-view";

const route = getRouteApi("/_app/approvals/$approvalId");

/** One item per screen; swipe (or the arrows) moves through the same tab's items. */
export function ApprovalsItemPage() {
  const { approvalId } = route.useParams();
  const { status } = route.useSearch();
  const navigate = useNavigate();
  const id = Number(approvalId);
  const item = useQuery({ ...approvalQuery(id), enabled: Number.isSafeInteger(id) && id > 0 });
  const list = useInfiniteQuery(approvalsListQuery(status));
  const servers = useServerNames();
  const ids = list.data?.pages.flatMap((p) => p.approvals.map((a) => a.id)) ?? [];
  const nb = neighbours(ids, id);
  const swipeArea = useRef<HTMLDivElement>(null);

  const go = (to: number | null) => {
    if (to === null) return;
    void navigate({ to: "/approvals/$approvalId", params: { approvalId: String(to) }, search: { status } });
  };
  useSwipe(swipeArea, (d) => go(d === "next" ? nb.next : nb.previous));

  const onDecided = (res: DecisionResponse) => {
    // A finished item leaves the pending queue: move on to the next one, as a phone user expects.
    if (status !== "pending" || res.approval.status === "pending") return;
    const to = afterDecision(ids, id);
    if (to !== null) go(to);
    else void navigate({ to: "/approvals", search: { status } });
  };

  if (item.isError && isApiError(item.error) && item.error.status === 404) return <NotFound />;
  const data = item.data;
  const headline = data ? describeApproval(data, servers) : "";
  const serverName = data?.request.serverId != null ? (servers.get(data.request.serverId) ?? null) : null;

  return (
    <div
      ref={swipeArea}
      className="mx-auto flex w-full max-w-4xl min-w-0 touch-pan-y flex-col"
      data-testid="approval-page"
    >
      <nav className="mb-3 flex items-center justify-between gap-2" aria-label="Items">
        <Link
          to="/approvals"
          search={{ status }}
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden />
          All {status}
        </Link>
        <div className="flex items-center gap-1">
          <Button
            variant="ghost"
            size="icon"
            aria-label="Previous item"
            disabled={nb.previous === null}
            onClick={() => go(nb.previous)}
          >
            <ChevronLeft />
          </Button>
          <span
            className="min-w-14 text-center text-sm text-muted-foreground tabular-nums"
            data-testid="approval-position"
          >
            {nb.index >= 0 ? `${nb.index + 1} of ${nb.total}` : ""}
          </span>
          <Button
            variant="ghost"
            size="icon"
            aria-label="Next item"
            disabled={nb.next === null}
            onClick={() => go(nb.next)}
          >
            <ChevronRight />
          </Button>
        </div>
      </nav>
      {item.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-32 w-full" />
        </div>
      ) : item.isError ? (
        <ErrorState title="Could not load this item" error={item.error} onRetry={() => void item.refetch()} />
      ) : data ? (
        <>
          <ApprovalsItemView item={data} headline={headline} serverName={serverName} />
          {data.status === "pending" && (
            <ApprovalsDecisionBar key={data.id} item={data} headline={headline} onDecided={onDecided} />
          )}
        </>
      ) : null}
    </div>
  );
}
