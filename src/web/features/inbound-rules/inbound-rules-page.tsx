import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { ShieldBan, Trash2 } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Tabs, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { describeError } from "@/web/lib/api-error";
import { Pager } from "@/web/components/pager";
import { lastReachablePage, pageWindow } from "@/web/lib/paging";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { InboundRulesAddForm } from "./components/inbound-rules-add-form";
import { inboundRulesDelete, inboundRulesQuery, RULES_PAGE_SIZE } from "./inbound-rules-api";
import { ruleKinds, type RuleKindFilter } from "./inbound-rules-search";
import { filterRules, ruleKind, type InboundRule } from "./inbound-rules-shaping";

const route = getRouteApi("/_app/inbound-rules");
const kindLabel: Record<RuleKindFilter, string> = { all: "All", address: "Addresses", domain: "Domains" };

export function InboundRulesPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const role = useSessionUser()?.role;
  const queryClient = useQueryClient();
  const window = pageWindow(search.page, RULES_PAGE_SIZE);
  const list = useQuery(inboundRulesQuery(serverId, window));
  const [doomed, setDoomed] = useState<InboundRule | null>(null);
  const remove = useMutation({
    ...postmarkMutationOptions(inboundRulesDelete, serverId, queryClient),
    meta: { silent: true },
  });
  const canWrite = permission(role, "write");
  const canDelete = permission(role, "destructive");

  const confirmDelete = () => {
    if (!doomed) return;
    const rule = doomed;
    setDoomed(null);
    remove.mutate(
      { params: { triggerid: rule.ID } },
      {
        onSuccess: () => notify.success(`Rule ${rule.Rule ?? rule.ID} removed`),
        onError: (e) => notify.error(describeError(e)),
      },
    );
  };

  const rows = list.data ? filterRules(list.data.InboundRules, search.kind) : [];
  const total = list.data?.TotalCount ?? 0;
  const pages = lastReachablePage(total, window.count);
  const page = window.offset / window.count + 1;

  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageHeader
        title="Inbound rules"
        description="Inbound mail from these addresses and domains is blocked before it reaches your inbound webhook."
        actions={<ExplorerLink area="inbound-rules" />}
      />
      <InboundRulesAddForm serverId={serverId} disabledReason={canWrite.allowed ? undefined : canWrite.reason} />

      <div className="mt-6 flex flex-wrap items-center justify-between gap-2">
        <Tabs
          value={search.kind}
          onValueChange={(v) => void navigate({ search: (s) => ({ ...s, kind: v as RuleKindFilter }) })}
        >
          <TabsList aria-label="Kind of rule">
            {ruleKinds.map((k) => (
              <TabsTrigger key={k} value={k}>
                {kindLabel[k]}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
        {list.data && (
          <span className="text-sm text-muted-foreground tabular-nums">
            {total} rule{total === 1 ? "" : "s"} on this server
          </span>
        )}
      </div>

      <div className="mt-3">
        <DataList
          items={list.data ? rows : undefined}
          itemKey={(r) => r.ID}
          label="Inbound rules"
          className="flex flex-col divide-y rounded-lg border bg-card"
          {...queryState(list)}
          loadingLabel="Loading rules"
          skeletonRows={4}
          skeletonClassName="h-11"
          errorTitle="Could not load inbound rules"
          empty={{
            icon: ShieldBan,
            title: total === 0 ? "No inbound rules" : `No ${kindLabel[search.kind].toLowerCase()} on this page`,
            children:
              total === 0
                ? "All inbound mail reaches your inbound webhook. Add an address or a domain above to block it."
                : "Choose All to see every rule.",
          }}
          itemClassName="flex items-center gap-3 px-4 py-2.5"
          itemAttributes={(r) => ({ "data-testid": "inbound-rule", "data-rule": r.Rule ?? "" })}
          renderItem={(r) => (
            <>
              <Badge variant={ruleKind(r.Rule) === "address" ? "secondary" : "outline"} className="w-20 justify-center">
                {ruleKind(r.Rule) === "address" ? "Address" : "Domain"}
              </Badge>
              <span className="min-w-0 flex-1 font-mono text-sm break-all">{r.Rule}</span>
              <span className="hidden text-xs text-muted-foreground tabular-nums sm:inline">#{r.ID}</span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Delete rule ${r.Rule}`}
                disabled={!canDelete.allowed || (remove.isPending && remove.variables?.params?.triggerid === r.ID)}
                title={canDelete.reason}
                onClick={() => setDoomed(r)}
              >
                <Trash2 aria-hidden />
                <span className="hidden sm:inline">Delete</span>
              </Button>
            </>
          )}
        />
      </div>

      {list.data && pages > 1 && (
        <div className="mt-3 rounded-lg border">
          <Pager
            page={page}
            size={window.count}
            total={total}
            shown={list.data.InboundRules.length}
            offset={window.offset}
            onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
          />
        </div>
      )}

      <ConfirmDialog
        open={doomed !== null}
        onOpenChange={(o) => !o && setDoomed(null)}
        title={`Delete the rule ${doomed?.Rule ?? ""}?`}
        description={
          <>
            Inbound mail from <strong className="font-mono break-all">{doomed?.Rule}</strong> will reach your inbound
            webhook again.
          </>
        }
        confirmLabel="Delete rule"
        onConfirm={confirmDelete}
      />
    </div>
  );
}
