import { getRouteApi } from "@tanstack/react-router";
import { ExplorerLink } from "@/web/components/explorer-link";
import { Plus, Signature } from "lucide-react";
import { useState } from "react";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Pager } from "@/web/components/pager";
import { Button } from "@/web/components/ui/button";
import { lastReachablePage, pageWindow } from "@/web/lib/paging";
import { sendersCreate, useCan, useSendersList } from "./senders-api";
import { filterSenders, SENDERS_PAGE_SIZE } from "./senders-shape";
import { SenderDetail } from "./components/sender-detail";
import { SenderFormDialog } from "./components/sender-form-dialog";
import { SendersFilters } from "./components/senders-filters";
import { SenderItem } from "./components/sender-item";

const route = getRouteApi("/_app/senders");

export function SendersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [adding, setAdding] = useState(false);
  const canAdd = useCan(sendersCreate);
  return (
    <div className="mx-auto flex w-full max-w-4xl min-w-0 flex-col gap-4">
      <PageHeader
        title="Senders"
        description="Sender signatures: single From addresses you may send from once their owner confirms them."
        actions={
          <>
            <ExplorerLink area="senders" />
            <Button size="sm" onClick={() => setAdding(true)} disabled={!canAdd.allowed} title={canAdd.reason}>
              <Plus aria-hidden />
              Add signature
            </Button>
          </>
        }
      />
      {search.sender ? (
        <SenderDetail
          key={search.sender}
          id={search.sender}
          onDeleted={() => void navigate({ search: ({ sender: _s, ...rest }) => rest })}
        />
      ) : (
        <SendersIndex />
      )}
      <SenderFormDialog
        key={adding ? "open" : "closed"}
        open={adding}
        onOpenChange={setAdding}
        onSaved={(s) => void navigate({ search: (p) => ({ ...p, sender: s.ID }) })}
      />
    </div>
  );
}

function SendersIndex() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useSendersList(search.page);
  const filtered = Boolean(search.q || search.state);
  const shown = list.data ? filterSenders(list.data.SenderSignatures, search) : [];
  const page = search.page ?? 1;
  const total = list.data?.TotalCount ?? 0;
  // Page numbers live in the URL, so one can name a page beyond the last.
  const lastPage = lastReachablePage(total, SENDERS_PAGE_SIZE);
  const pastEnd = page > lastPage && total > 0;
  return (
    <>
      <SendersFilters value={search} onChange={(next) => void navigate({ search: next, replace: true })} />
      <DataList
        items={list.data ? shown : undefined}
        itemKey={(s) => s.ID}
        label="Sender signatures"
        className="divide-y rounded-lg border bg-card"
        testId="senders-list"
        frameClassName="flex flex-col gap-2"
        head={
          <p className="text-sm text-muted-foreground">
            {shown.length} shown of {total} signature{total === 1 ? "" : "s"}
          </p>
        }
        {...queryState(list)}
        loadingLabel="Loading the sender signatures"
        skeletonRows={3}
        skeletonClassName="h-16"
        errorTitle="Could not load the sender signatures"
        empty={{
          icon: Signature,
          title: filtered
            ? "No signatures match these filters"
            : pastEnd
              ? `Page ${page} is past the end of the signatures`
              : "No sender signatures yet",
          children: filtered
            ? "Clear a filter to see every signature."
            : pastEnd
              ? `There are ${total} signatures in all, on ${lastPage} page${lastPage === 1 ? "" : "s"}.`
              : "Add an address to send from, or verify a whole domain on the Domains page.",
        }}
        itemAttributes={(s) => ({ "data-testid": "sender-row", "data-email": s.EmailAddress ?? "" })}
        renderItem={(s) => <SenderItem sender={s} />}
      />
      {list.data && (list.data.TotalCount > SENDERS_PAGE_SIZE || pastEnd) && (
        <Pager
          page={page}
          size={SENDERS_PAGE_SIZE}
          total={list.data.TotalCount}
          shown={list.data.SenderSignatures.length}
          offset={pageWindow(page, SENDERS_PAGE_SIZE).offset}
          onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
        />
      )}
    </>
  );
}
