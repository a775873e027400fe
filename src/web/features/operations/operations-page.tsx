import { getRouteApi, Link } from "@tanstack/react-router";
import { Search, SearchX } from "lucide-react";
import { areas, operationList } from "@/contract/postmark";
import { areaIds } from "@/contract/postmark/operation";
import { EmptyState } from "@/web/components/empty-state";
import { PageHeader } from "@/web/components/page-header";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { operationParams } from "@/web/lib/operation-link";
import { permission } from "@/web/lib/permissions";
import { useSessionUser } from "@/web/lib/session";
import { filterOperations } from "./filter-operations";
import { MethodLabel, RiskBadge } from "./operation-meta";

const route = getRouteApi("/_app/operations/");
const ALL = "all";

export function OperationsPage() {
  const { area, q } = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  const shown = filterOperations(operationList, area, q);
  const groups = areaIds
    .map((a) => ({ area: a, ops: shown.filter((op) => op.area === a) }))
    .filter((g) => g.ops.length > 0);

  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader
        title="Operations"
        description={`All ${operationList.length} Postmark operations. Each runs through Mailroom's proxy with the server's tokens.`}
      />
      <div className="mb-6 flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            aria-label="Search operations"
            placeholder="Search by name, path or id…"
            className="pl-9"
            defaultValue={q ?? ""}
            onChange={(e) =>
              void navigate({ search: (s) => ({ ...s, q: e.target.value || undefined }), replace: true })
            }
          />
        </div>
        <Select
          value={area ?? ALL}
          onValueChange={(v) =>
            void navigate({ search: (s) => ({ ...s, area: v === ALL ? undefined : (v as typeof area) }) })
          }
        >
          <SelectTrigger className="sm:w-52" aria-label="Area">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All areas</SelectItem>
            {areaIds.map((a) => (
              <SelectItem key={a} value={a}>
                {areas[a].title}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {groups.length === 0 ? (
        <EmptyState icon={SearchX} title="No operation matches">
          Try fewer words, or another area.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-8">
          {groups.map(({ area: a, ops }) => (
            <section key={a} aria-labelledby={`area-${a}`}>
              <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
                <h2 id={`area-${a}`} className="text-base font-semibold">
                  {areas[a].title}
                </h2>
                <p className="text-sm text-muted-foreground">{areas[a].summary}</p>
              </div>
              <ul className="divide-y overflow-hidden rounded-lg border bg-card">
                {ops.map((op) => {
                  const allowed = permission(user?.role, op.risk);
                  return (
                    <li key={op.id}>
                      <Link
                        to="/operations/$group/$name"
                        params={operationParams(op.id)}
                        className="flex flex-col gap-1 px-4 py-3 transition-colors hover:bg-muted/50 sm:flex-row sm:items-center sm:gap-3"
                      >
                        <span className="flex min-w-0 flex-1 items-center gap-2">
                          <MethodLabel method={op.method} />
                          <span className="min-w-0">
                            <span className="block truncate text-sm font-medium">{op.title}</span>
                            <span className="block truncate font-mono text-xs text-muted-foreground">{op.path}</span>
                          </span>
                        </span>
                        <span className="flex shrink-0 items-center gap-2 pl-16 sm:pl-0">
                          <RiskBadge risk={op.risk} />
                          {!allowed.allowed && <span className="text-xs text-muted-foreground">not for your role</span>}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
