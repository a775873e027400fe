import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ClipboardCheck, TriangleAlert } from "lucide-react";
import { useMemo, useState } from "react";
import { approvalStatuses, type ApprovalItem, type ApprovalStatus } from "@/contract/api/approvals";
import { roleMay } from "@/contract/api/auth";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Tabs, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { formatDateTime } from "@/web/lib/format";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { afterDecision, approvalsListQuery, decideBulk } from "../approvals-api";
import { describeApproval, expiresIn } from "../approvals-describe";
import { useServerNames } from "../use-server-names";
import { ApprovalsBulkBar } from "./approvals-bulk-bar";
import { ApprovalsVotes } from "./approvals-item-context";

const route = getRouteApi("/_app/approvals/");

const emptyText: Record<ApprovalStatus, string> = {
  pending:
    "Nothing is waiting. When a workflow step needs a person, it appears here (and as a notification, if you enabled them in Settings).",
  approved: "No approved items yet.",
  rejected: "No rejected items.",
  expired: "No item has expired.",
};

export function ApprovalsListPage() {
  const { status } = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  const servers = useServerNames();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(approvalsListQuery(status));
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.approvals) ?? [], [list.data]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const mayDecide = !!user && roleMay.decideApprovals(user.role);
  const selectable = status === "pending" && mayDecide;
  const chosen = items.filter((i) => selected.has(i.id));

  const bulk = useMutation({
    mutationFn: decideBulk,
    meta: { silent: true },
    onSuccess: (res) => {
      const ok = res.results.filter((r) => r.ok).length;
      const failed = res.results.filter((r) => !r.ok);
      if (ok) notify.success(`${ok} item${ok === 1 ? "" : "s"} decided`);
      if (failed.length)
        notify.error(
          `${failed.length} not decided: ${failed.map((f) => `#${f.id} ${f.error?.message ?? ""}`).join("; ")}`,
        );
      setSelected(new Set());
      void afterDecision(queryClient);
    },
  });

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  // "Similar" = the same operation: one decision then means the same thing for each.
  const groups = useMemo(() => {
    const m = new Map<string, ApprovalItem[]>();
    for (const i of items) m.set(i.step.operationId, [...(m.get(i.step.operationId) ?? []), i]);
    return [...m.entries()].filter(([, g]) => g.length > 1);
  }, [items]);

  return (
    <div className="mx-auto flex w-full max-w-4xl min-w-0 flex-col">
      <PageHeader
        title="Approvals"
        description="Workflow steps waiting for a person. Each says what will happen and to whom."
      />
      <Tabs
        value={status}
        onValueChange={(v) => {
          setSelected(new Set());
          void navigate({ search: { status: v as ApprovalStatus } });
        }}
      >
        <TabsList className="mb-4 w-full sm:w-auto">
          {approvalStatuses.map((s) => (
            <TabsTrigger key={s} value={s} className="flex-1 capitalize sm:flex-none">
              {s}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      {selectable && groups.length > 0 && (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Select similar:</span>
          {groups.map(([op, g]) => (
            <Button key={op} variant="outline" size="sm" onClick={() => setSelected(new Set(g.map((i) => i.id)))}>
              {g[0]!.step.title} ({g.length})
            </Button>
          ))}
        </div>
      )}
      <DataList
        items={list.data ? items : undefined}
        itemKey={(item) => item.id}
        label={`${status[0]!.toUpperCase()}${status.slice(1)} items`}
        testId="approvals-list"
        {...queryState(list)}
        loadingLabel="Loading the queue"
        skeletonRows={3}
        skeletonClassName="h-24"
        errorTitle="Could not load the queue"
        empty={{ icon: ClipboardCheck, title: `No ${status} items`, children: emptyText[status] }}
        renderItem={(item) => (
          <ApprovalsCard
            item={item}
            headline={describeApproval(item, servers)}
            status={status}
            selectable={selectable}
            selected={selected.has(item.id)}
            onToggle={() => toggle(item.id)}
          />
        )}
      />
      {list.hasNextPage && (
        <Button
          variant="outline"
          className="mt-4 self-center"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load older"}
        </Button>
      )}
      {selectable && chosen.length > 0 && (
        <ApprovalsBulkBar
          items={chosen}
          busy={bulk.isPending}
          error={bulk.error}
          onClear={() => setSelected(new Set())}
          onDecide={(decision, reason) => bulk.mutate({ ids: chosen.map((i) => i.id), decision, reason })}
        />
      )}
    </div>
  );
}

function ApprovalsCard({
  item,
  headline,
  status,
  selectable,
  selected,
  onToggle,
}: {
  item: ApprovalItem;
  headline: string;
  status: ApprovalStatus;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}) {
  return (
    <div
      className={`flex min-w-0 gap-3 rounded-lg border bg-card p-3 sm:p-4 ${selected ? "border-primary ring-1 ring-primary" : ""}`}
      data-testid="approval-card"
    >
      {selectable && (
        <label className="-m-2 flex shrink-0 items-start p-2">
          <input
            type="checkbox"
            className="mt-1 size-5 accent-primary"
            checked={selected}
            onChange={onToggle}
            aria-label={`Select: ${headline}`}
          />
        </label>
      )}
      <Link
        to="/approvals/$approvalId"
        params={{ approvalId: String(item.id) }}
        search={{ status }}
        className="min-w-0 flex-1 outline-none focus-visible:ring-2 focus-visible:ring-ring/50"
      >
        <p className="font-medium break-words">{headline}</p>
        {item.uncertain && (
          <p className="mt-1 flex items-center gap-1 text-sm font-medium text-warning-foreground dark:text-warning">
            <TriangleAlert className="size-4 shrink-0" aria-hidden />
            May have already run
          </p>
        )}
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span className="truncate">{item.workflow.name || `Workflow #${item.workflow.id}`}</span>
          {item.step.risk === "destructive" && <Badge variant="destructive">destructive</Badge>}
          {item.edit && (
            <Badge variant="warning" data-testid="approval-card-edited">
              edited by {item.edit.by}
            </Badge>
          )}
          {status === "pending" ? (
            <span>expires {expiresIn(item.expiresAt)}</span>
          ) : (
            <span>{formatDateTime(item.decidedAt ?? item.expiresAt)}</span>
          )}
          {status === "pending" ? <ApprovalsVotes item={item} /> : item.decidedBy && <span>by {item.decidedBy}</span>}
          {item.reason && <span className="break-words">“{item.reason}”</span>}
        </div>
      </Link>
    </div>
  );
}
