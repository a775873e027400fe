import { getRouteApi } from "@tanstack/react-router";
import { ExplorerLink } from "@/web/components/explorer-link";
import { PageHeader } from "@/web/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { DataRemovalForm } from "./components/data-removal-form";
import { DataRemovalLookup } from "./components/data-removal-lookup";
import { DataRemovalsList } from "./components/data-removals-list";
import { useSessionUser } from "@/web/lib/session";

const route = getRouteApi("/_app/data-removals");

export function DataRemovalsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const check = (id: number | undefined) => void navigate({ search: { request: id } });
  const isAdmin = useSessionUser()?.role === "admin";
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-6">
      <PageHeader
        title="Data removals"
        description="Ask Postmark to erase what it holds about one email address, for example to answer a GDPR erasure request."
        actions={<ExplorerLink area="data-removals" />}
      />
      <Card>
        <CardHeader>
          <CardTitle className="text-base">What a removal does</CardTitle>
          <CardDescription>
            Postmark deletes the messages and events it stores about the address, across the account. It runs in the
            background: the request starts as <strong>Pending</strong> and becomes <strong>Done</strong>. It cannot be
            undone. Postmark enables this feature per account on request; without it the request is refused with
            ErrorCode 1302.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DataRemovalForm onCreated={check} />
        </CardContent>
      </Card>
      <section className="flex flex-col gap-3" aria-labelledby="dr-status">
        <h2 id="dr-status" className="text-lg font-semibold">
          Check a request
        </h2>
        <DataRemovalLookup key={search.request ?? "none"} id={search.request} onLookup={check} />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="dr-all">
        <h2 id="dr-all" className="text-lg font-semibold">
          Requests made through Mailroom
        </h2>
        <DataRemovalsList isAdmin={isAdmin} onDetails={check} />
      </section>
    </div>
  );
}
