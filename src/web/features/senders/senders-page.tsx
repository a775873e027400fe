import { getRouteApi } from "@tanstack/react-router";
import { ExplorerLink } from "@/web/components/explorer-link";
import { Plus, Signature } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { sendersCreate, useCan, useSendersList } from "./senders-api";
import { filterSenders, SENDERS_PAGE_SIZE } from "./senders-shape";
import { SenderDetail } from "./components/sender-detail";
import { SenderFormDialog } from "./components/sender-form-dialog";
import { SendersFilters } from "./components/senders-filters";
import { SendersList } from "./components/senders-list";

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
  const pages = list.data ? Math.max(1, Math.ceil(list.data.TotalCount / SENDERS_PAGE_SIZE)) : 1;
  const page = search.page ?? 1;
  return (
    <>
      <SendersFilters value={search} onChange={(next) => void navigate({ search: next, replace: true })} />
      {list.isPending ? (
        <div className="flex flex-col gap-2" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          title="Could not load the sender signatures"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : shown.length === 0 ? (
        <EmptyState
          icon={Signature}
          title={filtered ? "No signatures match these filters" : "No sender signatures yet"}
        >
          {filtered
            ? "Clear a filter to see every signature."
            : "Add an address to send from, or verify a whole domain on the Domains page."}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-muted-foreground">
            {shown.length} shown of {list.data.TotalCount} signature{list.data.TotalCount === 1 ? "" : "s"}
          </p>
          <SendersList senders={shown} />
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-between gap-2 text-sm" aria-label="Pages">
          <Button
            variant="outline"
            size="sm"
            disabled={page <= 1}
            onClick={() => void navigate({ search: (p) => ({ ...p, page: page - 1 > 1 ? page - 1 : undefined }) })}
          >
            Previous
          </Button>
          <span className="text-muted-foreground">
            Page {page} of {pages}
          </span>
          <Button
            variant="outline"
            size="sm"
            disabled={page >= pages}
            onClick={() => void navigate({ search: (p) => ({ ...p, page: page + 1 }) })}
          >
            Next
          </Button>
        </nav>
      )}
    </>
  );
}
