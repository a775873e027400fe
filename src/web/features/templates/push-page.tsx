import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Send } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";
import { templatesPush } from "@/contract/postmark/templates";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { PostmarkErrorView } from "@/web/components/postmark-error";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { isApiError } from "@/web/lib/api-error";
import { serversQuery } from "@/web/lib/app-queries";
import { permission } from "@/web/lib/permissions";
import { callPostmark } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { ChangeList } from "./components/change-list";
import { planRows, type PlanRow } from "./lib/plan";
import { applyRow, byAlias, fileOf, inBatches, readServerTemplates, type RowResult } from "./sync-api";
import { observeTemplate } from "./studio-api";

type PushAnswer = z.infer<typeof templatesPush.response>;
type Result = RowResult | { ok: true; note: string };

/** /templates/push: Postmark's push between two servers, previewed first (PerformChanges false) with Mailroom's own diff. */
export function PushPage() {
  const servers = useQuery(serversQuery);
  const role = useSessionUser()?.role;
  const queryClient = useQueryClient();
  const [source, setSource] = useState<number | null>(null);
  const [dest, setDest] = useState<number | null>(null);
  const [progress, setProgress] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, Result>>(new Map());
  const list = servers.data?.servers ?? [];
  const src = source ?? list[0]?.id ?? null;
  const dst = dest ?? list.find((s) => s.id !== src)?.id ?? null;
  const canPushAll = permission(role, "destructive");
  const canPushSome = permission(role, "write");

  const preview = useMutation({
    meta: { silent: true },
    mutationFn: async () => {
      if (src === null || dst === null) throw new Error("Choose a source and a destination server.");
      if (src === dst) throw new Error("The source and the destination must be different servers.");
      setResults(new Map());
      const postmark = await callPostmark<PushAnswer>(
        templatesPush,
        { body: { SourceServerID: src, DestinationServerID: dst, PerformChanges: false } },
        null,
      );
      setProgress("Reading the source server's templates…");
      const from = await readServerTemplates(src, (d, t) => setProgress(`Reading the source server: ${d} of ${t}`));
      const to = await readServerTemplates(dst, (d, t) => setProgress(`Reading the destination server: ${d} of ${t}`));
      setProgress("");
      // Postmark pushes only templates with an alias; so does the preview.
      const rows = planRows(from.filter((s) => s.template.Alias).map(fileOf), byAlias(to));
      setSelected(new Set(rows.filter((r) => r.action === "create" || r.action === "update").map((r) => r.key)));
      return { postmark, rows };
    },
    onError: () => setProgress(""),
  });

  const fileHistory = (rows: readonly PlanRow[]) =>
    inBatches(rows, (r) =>
      observeTemplate({ serverId: dst, templateIdOrAlias: r.incoming.Alias!, source: "pushed" }).catch(() => null),
    );

  const pushAll = useMutation({
    meta: { silent: true },
    mutationFn: async (rows: PlanRow[]) => {
      const answer = await callPostmark<PushAnswer>(
        templatesPush,
        { body: { SourceServerID: src!, DestinationServerID: dst!, PerformChanges: true } },
        null,
      );
      const next = new Map<string, Result>();
      for (const r of rows) {
        const done = answer.Templates.find(
          (t) => t.Alias && r.incoming.Alias && t.Alias.toLowerCase() === r.incoming.Alias.toLowerCase(),
        );
        next.set(
          r.key,
          done
            ? { ok: true, note: `Postmark: ${done.Action ?? "pushed"} (#${done.TemplateId})` }
            : { ok: true, note: "Postmark left it as it was" },
        );
      }
      setResults(next);
      await fileHistory(rows);
      await queryClient.invalidateQueries({ queryKey: ["postmark"] });
      return answer;
    },
  });

  const pushSelected = useMutation({
    meta: { silent: true },
    mutationFn: async (rows: PlanRow[]) => {
      const next = new Map<string, Result>();
      // One at a time, layouts first (the rows are ordered so): templates may need a layout just pushed.
      for (const r of rows) {
        next.set(r.key, await applyRow(dst, r, "pushed"));
        setResults(new Map(next));
      }
      await queryClient.invalidateQueries({ queryKey: ["postmark"] });
    },
  });

  const rows = preview.data?.rows ?? [];
  const chosen = rows.filter((r) => selected.has(r.key));
  const busy = preview.isPending || pushAll.isPending || pushSelected.isPending;
  const changes = rows.filter((r) => r.action === "create" || r.action === "update");

  return (
    <div className="mx-auto w-full max-w-5xl">
      <Link
        to="/templates"
        className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden />
        Templates
      </Link>
      <PageHeader
        title="Push templates"
        description="Copy templates and layouts from one server to another by alias (needs the account token). Preview first; nothing changes until you push."
      />
      {servers.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : servers.isError ? (
        <ErrorState title="Could not list the servers" error={servers.error} onRetry={() => void servers.refetch()} />
      ) : list.length < 2 ? (
        <p className="rounded-md border p-4 text-sm text-muted-foreground">
          Pushing needs at least two servers and an account token; Mailroom sees {list.length}.
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <label className="flex flex-col gap-1 text-sm font-medium">
              From server
              <select
                className="h-9 rounded-md border bg-background px-2 text-sm"
                value={src ?? ""}
                onChange={(e) => {
                  setSource(Number(e.target.value));
                  preview.reset();
                }}
              >
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} (#{s.id})
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              To server
              <select
                className="h-9 rounded-md border bg-background px-2 text-sm"
                value={dst ?? ""}
                onChange={(e) => {
                  setDest(Number(e.target.value));
                  preview.reset();
                }}
              >
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} (#{s.id})
                  </option>
                ))}
              </select>
            </label>
            <Button onClick={() => preview.mutate()} disabled={busy}>
              {preview.isPending ? "Previewing…" : "Preview"}
            </Button>
          </div>
          {progress && (
            <p role="status" className="text-sm text-muted-foreground">
              {progress}
            </p>
          )}
          {preview.isError && (
            <div
              role="alert"
              className="rounded-md border border-destructive/30 bg-destructive/5 p-3"
              data-testid="push-error"
            >
              <p className="mb-2 text-sm font-medium text-destructive">The preview failed</p>
              {isApiError(preview.error) ? (
                <PostmarkErrorView error={preview.error} />
              ) : (
                <p className="text-sm">
                  {String(preview.error instanceof Error ? preview.error.message : preview.error)}
                </p>
              )}
            </div>
          )}
          {preview.data && (
            <>
              <p className="text-sm" data-testid="push-summary">
                Postmark's preview: {preview.data.postmark.TotalCount} template
                {preview.data.postmark.TotalCount === 1 ? "" : "s"} would be pushed (
                {preview.data.postmark.Templates.filter((t) => t.Action === "Create").length} created,{" "}
                {preview.data.postmark.Templates.filter((t) => t.Action === "Edit").length} edited). Mailroom's diff:{" "}
                {changes.length} with content changes, {rows.length - changes.length} unchanged or not applicable.
              </p>
              <ChangeList rows={rows} selected={selected} onSelected={setSelected} results={results} />
              <div className="flex flex-wrap gap-2">
                <Button
                  onClick={() => pushSelected.mutate(chosen)}
                  disabled={busy || chosen.length === 0 || !canPushSome.allowed}
                  title={canPushSome.reason}
                >
                  <Send aria-hidden />
                  {pushSelected.isPending ? "Pushing…" : `Push selected (${chosen.length})`}
                </Button>
                <Button
                  variant="outline"
                  onClick={() => pushAll.mutate(rows)}
                  disabled={busy || !canPushAll.allowed}
                  title={canPushAll.reason ?? "Postmark's own push: every template with an alias"}
                >
                  {pushAll.isPending ? "Pushing…" : "Push all with Postmark"}
                </Button>
              </div>
              {pushAll.isError && (
                <div role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 p-3">
                  <p className="mb-2 text-sm font-medium text-destructive">Postmark refused the push</p>
                  {isApiError(pushAll.error) ? (
                    <PostmarkErrorView error={pushAll.error} />
                  ) : (
                    <p className="text-sm">{String(pushAll.error)}</p>
                  )}
                </div>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
