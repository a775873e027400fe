import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Download, Upload } from "lucide-react";
import { useState } from "react";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { permission } from "@/web/lib/permissions";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { ChangeList } from "./components/change-list";
import { downloadBytes } from "./lib/download";
import { planRows } from "./lib/plan";
import { templatesToZip, zipToTemplates, type ReadResult } from "./lib/template-files";
import { applyRow, byAlias, fileOf, readServerTemplates, type RowResult } from "./sync-api";

/** /templates/files: every template as files (one folder each: meta.json, content.html, content.txt), and back. */
export function FilesPage() {
  const serverId = selectedServer.use();
  const role = useSessionUser()?.role;
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, RowResult>>(new Map());
  const canWrite = permission(role, "write");

  const exportAll = useMutation({
    meta: { silent: true },
    mutationFn: async () => {
      const states = await readServerTemplates(serverId, (d, t) => setProgress(`Reading templates: ${d} of ${t}`));
      setProgress("");
      downloadBytes(templatesToZip(states.map(fileOf)), `templates-server-${serverId ?? "default"}.zip`);
      return states.length;
    },
    onError: () => setProgress(""),
  });

  const preview = useMutation({
    meta: { silent: true },
    mutationFn: async (file: File) => {
      setResults(new Map());
      const read: ReadResult = await zipToTemplates(new Uint8Array(await file.arrayBuffer()));
      const existing = await readServerTemplates(serverId, (d, t) =>
        setProgress(`Comparing with this server: ${d} of ${t}`),
      );
      setProgress("");
      const rows = planRows(read.templates, byAlias(existing));
      setSelected(new Set(rows.filter((r) => r.action === "create" || r.action === "update").map((r) => r.key)));
      return { name: file.name, problems: read.problems, rows };
    },
    onError: () => setProgress(""),
  });

  const apply = useMutation({
    meta: { silent: true },
    mutationFn: async () => {
      const next = new Map<string, RowResult>();
      for (const r of (preview.data?.rows ?? []).filter((x) => selected.has(x.key))) {
        next.set(r.key, await applyRow(serverId, r, "imported"));
        setResults(new Map(next));
      }
      await queryClient.invalidateQueries({ queryKey: ["postmark"] });
    },
  });

  const rows = preview.data?.rows ?? [];
  const busy = exportAll.isPending || preview.isPending || apply.isPending;
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
        title="Templates as files"
        description="A ZIP with one folder per template (meta.json, content.html, content.txt) that works in version control; import it back with a preview of every change."
      />
      <div className="flex flex-col gap-6">
        <section className="flex flex-col gap-2 rounded-md border p-4" aria-label="Export">
          <h2 className="text-sm font-semibold">Export</h2>
          <p className="text-sm text-muted-foreground">
            Every template and layout of the selected server. To export one template, use Export on its page.
          </p>
          <div>
            <Button onClick={() => exportAll.mutate()} disabled={busy}>
              <Download aria-hidden />
              {exportAll.isPending ? "Exporting…" : "Export all templates"}
            </Button>
          </div>
          {exportAll.isSuccess && (
            <p role="status" className="text-sm" data-testid="export-done">
              Exported {exportAll.data} templates.
            </p>
          )}
          {exportAll.isError && <ErrorState title="The export failed" error={exportAll.error} />}
        </section>
        <section className="flex flex-col gap-3 rounded-md border p-4" aria-label="Import">
          <h2 className="text-sm font-semibold">Import</h2>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">
              A ZIP exported from Mailroom, or the same folders zipped by any tool (zip -r, Compress, GitHub's Download
              ZIP)
            </span>
            <input
              type="file"
              accept=".zip,application/zip"
              disabled={busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) preview.mutate(f);
                e.target.value = "";
              }}
              aria-label="Templates ZIP file"
            />
          </label>
          {progress && (
            <p role="status" className="text-sm text-muted-foreground">
              {progress}
            </p>
          )}
          {preview.isError && (
            <ErrorState title="Could not read the file or this server's templates" error={preview.error} />
          )}
          {preview.data && (
            <>
              {preview.data.problems.length > 0 && (
                <div
                  role="alert"
                  className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm"
                  data-testid="import-problems"
                >
                  <p className="font-medium text-destructive">
                    Some folders of {preview.data.name} cannot be imported:
                  </p>
                  <ul className="mt-1 list-disc pl-5">
                    {preview.data.problems.map((p, i) => (
                      <li key={i}>
                        <span className="font-mono">{p.folder}</span>: {p.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {rows.length === 0 ? (
                <p className="text-sm text-muted-foreground">No templates found in {preview.data.name}.</p>
              ) : (
                <>
                  <ChangeList rows={rows} selected={selected} onSelected={setSelected} results={results} />
                  <div>
                    <Button
                      onClick={() => apply.mutate()}
                      disabled={busy || selected.size === 0 || !canWrite.allowed}
                      title={canWrite.reason}
                    >
                      <Upload aria-hidden />
                      {apply.isPending ? "Importing…" : `Import selected (${selected.size})`}
                    </Button>
                  </div>
                </>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
