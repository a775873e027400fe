import { getRouteApi } from "@tanstack/react-router";
import { ExplorerLink } from "@/web/components/explorer-link";
import { Globe, Plus } from "lucide-react";
import { useState } from "react";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Pager } from "@/web/components/pager";
import { Button } from "@/web/components/ui/button";
import { lastReachablePage, pageWindow } from "@/web/lib/paging";
import { domainsCreate, useCan, useDomainsList } from "./domains-api";
import { DOMAINS_PAGE_SIZE, filterDomains } from "./domains-shape";
import { DomainAddDialog } from "./components/domain-add-dialog";
import { DomainDetail } from "./components/domain-detail";
import { DomainsFilters } from "./components/domains-filters";
import { DomainItem } from "./components/domain-item";

const route = getRouteApi("/_app/domains");

export function DomainsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [adding, setAdding] = useState(false);
  const canAdd = useCan(domainsCreate);
  return (
    <div className="mx-auto flex w-full max-w-4xl min-w-0 flex-col gap-4">
      <PageHeader
        title="Domains"
        description="Sending domains of the account and the DKIM and Return-Path records that prove you own them."
        actions={
          <>
            <ExplorerLink area="domains" />
            <Button size="sm" onClick={() => setAdding(true)} disabled={!canAdd.allowed} title={canAdd.reason}>
              <Plus aria-hidden />
              Add domain
            </Button>
          </>
        }
      />
      {search.domain ? (
        <DomainDetail
          key={search.domain}
          id={search.domain}
          onDeleted={() => void navigate({ search: ({ domain: _d, ...rest }) => rest })}
        />
      ) : (
        <DomainsIndex />
      )}
      <DomainAddDialog
        open={adding}
        onOpenChange={setAdding}
        onCreated={(id) => void navigate({ search: (prev) => ({ ...prev, domain: id }) })}
      />
    </div>
  );
}

function DomainsIndex() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useDomainsList(search.page);
  const filtered = Boolean(search.q || search.status);
  const shown = list.data ? filterDomains(list.data.Domains, search) : [];
  const page = search.page ?? 1;
  const total = list.data?.TotalCount ?? 0;
  // Page numbers live in the URL, so one can name a page beyond the last.
  const lastPage = lastReachablePage(total, DOMAINS_PAGE_SIZE);
  const pastEnd = page > lastPage && total > 0;
  return (
    <>
      <DomainsFilters value={search} onChange={(next) => void navigate({ search: next, replace: true })} />
      <DataList
        items={list.data ? shown : undefined}
        itemKey={(d) => d.ID}
        label="Domains"
        className="divide-y rounded-lg border bg-card"
        testId="domains-list"
        frameClassName="flex flex-col gap-2"
        head={
          <p className="text-sm text-muted-foreground" data-testid="domains-count">
            {shown.length} shown of {total} domain{total === 1 ? "" : "s"}
          </p>
        }
        {...queryState(list)}
        loadingLabel="Loading the domains"
        skeletonRows={3}
        skeletonClassName="h-14"
        errorTitle="Could not load the domains"
        empty={{
          icon: Globe,
          title: filtered
            ? "No domains match these filters"
            : pastEnd
              ? `Page ${page} is past the end of the domains`
              : "No sending domains yet",
          children: filtered
            ? "Clear a filter to see every domain."
            : pastEnd
              ? `There are ${total} domains in all, on ${lastPage} page${lastPage === 1 ? "" : "s"}.`
              : "Add the domain you send from; Postmark gives you the DNS records to publish.",
        }}
        itemAttributes={(d) => ({ "data-testid": "domain-row", "data-domain": d.Name ?? "" })}
        renderItem={(d) => <DomainItem domain={d} />}
      />
      {list.data && (list.data.TotalCount > DOMAINS_PAGE_SIZE || pastEnd) && (
        <Pager
          page={page}
          size={DOMAINS_PAGE_SIZE}
          total={list.data.TotalCount}
          shown={list.data.Domains.length}
          offset={pageWindow(page, DOMAINS_PAGE_SIZE).offset}
          onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
        />
      )}
    </>
  );
}
