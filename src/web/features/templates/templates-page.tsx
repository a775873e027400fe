import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { LayoutTemplate, Plus, ArrowRightLeft, FolderArchive } from "lucide-react";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Tabs, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { Pager } from "@/web/components/pager";
import { lastReachablePage, pageWindow } from "@/web/lib/paging";
import { selectedServer } from "@/web/lib/server-selection";
import { TEMPLATES_PAGE_SIZE, templatesQuery } from "./templates-api";
import { templateTypeFilters, type TemplateTypeFilter } from "./templates-search";

const route = getRouteApi("/_app/templates/");
const tabLabel: Record<TemplateTypeFilter, string> = { All: "All", Standard: "Templates", Layout: "Layouts" };

export function TemplatesPage() {
  const search = route.useSearch();
  const type = search.type ?? "All";
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const window = pageWindow(search.page, TEMPLATES_PAGE_SIZE);
  const list = useQuery(templatesQuery(serverId, type, window));
  const total = list.data?.TotalCount ?? 0;
  const pages = lastReachablePage(total, window.count);
  const page = window.offset / window.count + 1;

  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageHeader
        title="Templates"
        description="Templates and the layouts that wrap them. Open one to edit it with a live, sandboxed preview."
        actions={
          <>
            <Button variant="outline" size="sm" asChild>
              <Link to="/templates/push">
                <ArrowRightLeft aria-hidden />
                Push to another server
              </Link>
            </Button>
            <Button variant="outline" size="sm" asChild>
              <Link to="/templates/files">
                <FolderArchive aria-hidden />
                Export / import
              </Link>
            </Button>
            <Button size="sm" asChild>
              <Link to="/templates/$idOrAlias" params={{ idOrAlias: "new" }}>
                <Plus aria-hidden />
                New template
              </Link>
            </Button>
          </>
        }
      />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <Tabs
          value={type}
          onValueChange={(v) =>
            void navigate({ search: { type: v === "All" ? undefined : (v as TemplateTypeFilter) } })
          }
        >
          <TabsList aria-label="Template type">
            {templateTypeFilters.map((t) => (
              <TabsTrigger key={t} value={t}>
                {tabLabel[t]}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
        {list.data && <span className="text-sm text-muted-foreground tabular-nums">{total} on this server</span>}
      </div>
      <DataList
        items={list.data?.Templates}
        itemKey={(t) => t.TemplateId}
        label="Templates"
        className="flex flex-col divide-y rounded-lg border bg-card"
        {...queryState(list)}
        loadingLabel="Loading templates"
        skeletonRows={5}
        skeletonClassName="h-14"
        errorTitle="Could not load templates"
        empty={{
          icon: LayoutTemplate,
          title: type === "Layout" ? "No layouts" : "No templates",
          children: "Create one with New template.",
        }}
        itemAttributes={(t) => ({ "data-testid": "template-row", "data-type": t.TemplateType ?? "" })}
        renderItem={(t) => (
          <Link
            to="/templates/$idOrAlias"
            params={{ idOrAlias: t.Alias ?? String(t.TemplateId) }}
            className="flex flex-col gap-1 px-4 py-3 hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none sm:flex-row sm:items-center sm:gap-3"
          >
            <span className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
              <span className="font-medium break-words">{t.Name}</span>
              {t.TemplateType === "Layout" && <Badge variant="secondary">Layout</Badge>}
              {!t.Active && <Badge variant="outline">Inactive</Badge>}
            </span>
            <span className="flex min-w-0 flex-wrap items-center gap-2 text-xs text-muted-foreground">
              {t.Alias && <code className="rounded bg-muted px-1 font-mono break-all">{t.Alias}</code>}
              <span className="tabular-nums">#{t.TemplateId}</span>
              {t.LayoutTemplate && <span>in {t.LayoutTemplate}</span>}
            </span>
          </Link>
        )}
      />
      {list.data && pages > 1 && (
        <div className="mt-3 rounded-lg border">
          <Pager
            page={page}
            size={window.count}
            total={total}
            shown={list.data.Templates.length}
            offset={window.offset}
            onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
          />
        </div>
      )}
    </div>
  );
}
