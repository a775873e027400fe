import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { Download, ScrollText } from "lucide-react";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { useSessionUser } from "@/web/lib/session";
import { auditExportUrl, auditListQuery, auditVerifyQuery } from "./audit-api";
import { hasAuditFilters } from "./audit-search";
import { AuditChainBanner } from "./components/audit-chain-banner";
import { AuditFilters } from "./components/audit-filters";
import { AuditRecordRow } from "./components/audit-record-row";

const route = getRouteApi("/_app/audit");

export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  const isAdmin = user?.role === "admin";
  const list = useInfiniteQuery({ ...auditListQuery(search), enabled: isAdmin });
  const verify = useQuery({ ...auditVerifyQuery, enabled: isAdmin });
  const records = list.data?.pages.flatMap((p) => p.records) ?? [];

  if (!isAdmin) {
    return (
      <div className="mx-auto w-full max-w-5xl">
        <PageHeader title="Audit" />
        <p className="rounded-md border bg-muted/40 p-4 text-sm text-muted-foreground">
          Only an admin can read the audit trail.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-5xl min-w-0 flex-col gap-4">
      <PageHeader
        title="Audit"
        description="Every write, decision, sign-in and settings change, chained by hash so a changed or deleted record shows."
        actions={
          <>
            <Button variant="outline" size="sm" asChild>
              <a href={auditExportUrl(search, "jsonl")} download="mailroom-audit.jsonl">
                <Download aria-hidden />
                JSONL
              </a>
            </Button>
            <Button variant="outline" size="sm" asChild>
              <a href={auditExportUrl(search, "csv")} download="mailroom-audit.csv">
                <Download aria-hidden />
                CSV
              </a>
            </Button>
          </>
        }
      />
      <AuditChainBanner query={verify} />
      <AuditFilters value={search} onChange={(next) => void navigate({ search: next })} />
      <DataList
        items={list.data ? records : undefined}
        itemKey={(r) => r.seq}
        label="Audit records"
        className="divide-y rounded-lg border bg-card"
        testId="audit-list"
        {...queryState(list)}
        loadingLabel="Loading the audit trail"
        skeletonRows={4}
        skeletonClassName="h-14"
        errorTitle="Could not load the audit trail"
        empty={{
          icon: ScrollText,
          title: hasAuditFilters(search) ? "No records match these filters" : "No records yet",
          children: hasAuditFilters(search)
            ? "Clear a filter or widen the date range."
            : "Sign-ins, writes and decisions are recorded here as they happen.",
        }}
        itemClassName="min-w-0"
        itemAttributes={() => ({ "data-testid": "audit-record" })}
        renderItem={(r) => <AuditRecordRow record={r} />}
      />
      {list.hasNextPage && (
        <Button
          variant="outline"
          className="self-center"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load older"}
        </Button>
      )}
    </div>
  );
}
