import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionError } from "@/web/components/action-error";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Send } from "lucide-react";
import { useState } from "react";
import { templatesPush } from "@/contract/postmark/templates";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { serversQuery } from "@/web/lib/app-queries";
import { permission } from "@/web/lib/permissions";
import { callPostmark, type AnswerOf } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { ChangeList } from "./components/change-list";
import { planRows, type PlanRow } from "./lib/plan";
import { driftSince, postmarkVerdicts, type Drift } from "./lib/push-plan";
import { applyRow, byAlias, fileOf, inBatches, readServerTemplates, type RowResult } from "./sync-api";
import { observeTemplate } from "./studio-api";

type PushAnswer = AnswerOf<typeof templatesPush>;
type Result = RowResult | { ok: true; note: string };

/** Push all stopped before Postmark was asked: templates it would touch differ from what the preview showed. */
class StalePreview extends Error {
  constructor(readonly drift: Drift[]) {
    super("The destination changed since the preview.");
  }
}
const driftText: Record<Drift["what"], string> = {
  changed: "changed",
  created: "was created",
  deleted: "was deleted",
};

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
      const pushed = from.filter((s) => s.template.Alias);
      const rows = planRows(pushed.map(fileOf), byAlias(to));
      setSelected(new Set(rows.filter((r) => r.action === "create" || r.action === "update").map((r) => r.key)));
      const verdicts = postmarkVerdicts(rows, postmark.Templates);
      // What push all re-checks: the destination as seen now, under every alias the source would push.
      const aliases = pushed.map((s) => s.template.Alias!.toLowerCase());
      return { postmark, rows, verdicts, src, dst, destination: byAlias(to), aliases };
    },
    onError: () => setProgress(""),
  });

  const fileHistory = (serverId: number, rows: readonly PlanRow[]) =>
    inBatches(rows, (r) =>
      observeTemplate({ serverId, templateIdOrAlias: r.incoming.Alias!, source: "pushed" }).catch(() => null),
    );

  const pushAll = useMutation({
    meta: { silent: true },
    mutationFn: async (seen: NonNullable<typeof preview.data>) => {
      const { rows } = seen;
      setResults(new Map());
      // Postmark's push has no "only if unchanged": read the destination again and stop if anything it would
      // overwrite differs from the preview. (A change in the moment between this read and the push is not seen.)
      const fresh = await readServerTemplates(seen.dst, (d, t) =>
        setProgress(`Checking the destination against the preview: ${d} of ${t}`),
      );
      setProgress("");
      const drift = driftSince(seen.destination, byAlias(fresh), seen.aliases);
      if (drift.length > 0) throw new StalePreview(drift);
      const answer = await callPostmark<PushAnswer>(
        templatesPush,
        { body: { SourceServerID: seen.src, DestinationServerID: seen.dst, PerformChanges: true } },
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
      await fileHistory(seen.dst, rows);
      await queryClient.invalidateQueries({ queryKey: ["postmark"] });
      return answer;
    },
    onError: () => setProgress(""),
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

  // A new preview replaces the last push's outcome (a stale-preview notice included).
  const previewAgain = () => {
    pushAll.reset();
    pushSelected.reset();
    preview.mutate();
  };
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
            <Button onClick={previewAgain} disabled={busy}>
              {preview.isPending ? "Previewing…" : "Preview"}
            </Button>
          </div>
          {progress && (
            <p role="status" className="text-sm text-muted-foreground">
              {progress}
            </p>
          )}
          {preview.isError && <ActionError testId="push-error" title="The preview failed" error={preview.error} />}
          {preview.data && (
            <>
              <p className="text-sm" data-testid="push-summary">
                Postmark's preview: {preview.data.postmark.TotalCount} template
                {preview.data.postmark.TotalCount === 1 ? "" : "s"} would be pushed (
                {preview.data.postmark.Templates.filter((t) => t.Action === "Create").length} created,{" "}
                {preview.data.postmark.Templates.filter((t) => t.Action === "Edit").length} edited). Mailroom's diff:{" "}
                {changes.length} with content changes, {rows.length - changes.length} unchanged or not applicable.
                {preview.data.verdicts.unmatched.length > 0 &&
                  ` Postmark would also push ${preview.data.verdicts.unmatched
                    .map((t) => `${t.Name ?? "a template"} (${t.Alias ?? "no alias"}): ${t.Action ?? "?"}`)
                    .join(", ")}, which Mailroom did not read.`}
              </p>
              <ChangeList
                rows={rows}
                selected={selected}
                onSelected={setSelected}
                results={results}
                postmark={preview.data.verdicts.byKey}
              />
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
                  onClick={() => pushAll.mutate(preview.data)}
                  disabled={busy || !canPushAll.allowed}
                  title={canPushAll.reason ?? "Postmark's own push: every template with an alias"}
                >
                  {pushAll.isPending ? "Pushing…" : "Push all with Postmark"}
                </Button>
              </div>
              {pushAll.error instanceof StalePreview ? (
                <div
                  role="alert"
                  className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm"
                  data-testid="push-stale"
                >
                  <p className="font-medium text-destructive">
                    Nothing was pushed: the destination changed since the preview.
                  </p>
                  <ul className="mt-1 list-disc pl-5">
                    {pushAll.error.drift.map((d) => (
                      <li key={d.alias}>
                        {d.name} <span className="font-mono text-xs">({d.alias})</span> {driftText[d.what]}
                      </li>
                    ))}
                  </ul>
                  <Button className="mt-2" size="sm" variant="outline" onClick={previewAgain} disabled={busy}>
                    Preview again
                  </Button>
                </div>
              ) : (
                pushAll.isError && <ActionError error={pushAll.error} title="Postmark refused the push" />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
