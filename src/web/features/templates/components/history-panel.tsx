import { useQuery } from "@tanstack/react-query";
import { History, RotateCcw } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import type { VersionFull, VersionSummary } from "@/contract/api/template-studio";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";
import { versionQuery, versionsQuery } from "../studio-api";
import { DiffView } from "./diff-view";

const sourceText: Record<VersionSummary["source"], string> = {
  seen: "seen on Postmark",
  saved: "saved in Mailroom",
  created: "created in Mailroom",
  restored: "restored",
  merged: "merged after a conflict",
  pushed: "pushed",
  imported: "imported",
};

const label = (v: VersionSummary, n: number) =>
  `#${n} · ${formatDateTime(v.at)} · ${v.actor} (${sourceText[v.source]})`;

/** Every version Mailroom saved or saw, a diff between any two, and restore (a new save through the conflict check). */
export function HistoryPanel({
  serverId,
  templateId,
  currentHash,
  canRestore,
  restoreReason,
  restoring,
  onRestore,
}: {
  serverId: number;
  templateId: number;
  currentHash: string;
  canRestore: boolean;
  restoreReason?: string;
  restoring: boolean;
  onRestore(v: VersionFull): void;
}) {
  const list = useQuery(versionsQuery(serverId, templateId));
  const versions = useMemo(() => list.data?.versions ?? [], [list.data]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  // By default compare the newest version with the one before it.
  useEffect(() => {
    if (versions.length && to === null) setTo(versions[0]!.id);
    if (versions.length > 1 && from === null) setFrom(versions[1]!.id);
  }, [versions, from, to]);
  const a = useQuery({ ...versionQuery(from ?? 0), enabled: from !== null });
  const b = useQuery({ ...versionQuery(to ?? 0), enabled: to !== null });

  if (list.isPending)
    return (
      <div aria-busy="true" aria-label="Loading history">
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (list.isError)
    return <ErrorState title="Could not load the history" error={list.error} onRetry={() => void list.refetch()} />;
  if (versions.length === 0)
    return (
      <EmptyState icon={History} title="No versions yet">
        Versions are filed when Mailroom opens or saves the template.
      </EmptyState>
    );
  const number = (id: number) => versions.length - versions.findIndex((v) => v.id === id);

  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="history-panel">
      <ol className="flex flex-col divide-y rounded-md border" aria-label="Versions">
        {versions.map((v) => (
          <li
            key={v.id}
            className="flex flex-wrap items-center gap-2 p-2 text-sm"
            data-testid="history-row"
            data-source={v.source}
          >
            <span className="font-mono text-xs text-muted-foreground">#{number(v.id)}</span>
            <span className="min-w-[12rem] flex-1 break-words">
              <span className="font-medium">{v.actor}</span> · {formatDateTime(v.at)}
              <Badge variant="secondary" className="ml-2">
                {sourceText[v.source]}
              </Badge>
              {v.hash === currentHash && <Badge className="ml-2">current</Badge>}
            </span>
            <Button size="sm" variant="outline" onClick={() => setFrom(v.id)} aria-pressed={from === v.id}>
              Compare from
            </Button>
            <Button size="sm" variant="outline" onClick={() => setTo(v.id)} aria-pressed={to === v.id}>
              to
            </Button>
            <RestoreButton
              id={v.id}
              disabled={!canRestore || restoring || v.hash === currentHash}
              title={restoreReason ?? (v.hash === currentHash ? "This is the current version." : undefined)}
              onRestore={onRestore}
              n={number(v.id)}
            />
          </li>
        ))}
      </ol>
      <section aria-label="Difference between versions" className="flex min-w-0 flex-col gap-3">
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-xs font-medium">
            From
            <select
              className="h-9 rounded-md border bg-background px-2 text-sm"
              value={from ?? ""}
              onChange={(e) => setFrom(Number(e.target.value))}
              aria-label="Compare from version"
            >
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {label(v, number(v.id))}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            To
            <select
              className="h-9 rounded-md border bg-background px-2 text-sm"
              value={to ?? ""}
              onChange={(e) => setTo(Number(e.target.value))}
              aria-label="Compare to version"
            >
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {label(v, number(v.id))}
                </option>
              ))}
            </select>
          </label>
        </div>
        {a.isError || b.isError ? (
          <ErrorState title="Could not load a version" error={a.error ?? b.error} />
        ) : a.data && b.data ? (
          <div className="flex flex-col gap-3" data-testid="history-diff">
            {(["Name", "Alias", "Subject", "LayoutTemplate", "HtmlBody", "TextBody"] as const).map((f) => (
              <DiffView
                key={f}
                label={
                  f === "LayoutTemplate"
                    ? "Layout"
                    : f === "HtmlBody"
                      ? "HTML body"
                      : f === "TextBody"
                        ? "Text body"
                        : f
                }
                before={a.data.template[f] ?? ""}
                after={b.data.template[f] ?? ""}
              />
            ))}
          </div>
        ) : versions.length > 1 ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <p className="text-sm text-muted-foreground">
            Only one version so far; the next save or change on Postmark adds another.
          </p>
        )}
      </section>
    </div>
  );
}

function RestoreButton({
  id,
  n,
  disabled,
  title,
  onRestore,
}: {
  id: number;
  n: number;
  disabled: boolean;
  title?: string;
  onRestore(v: VersionFull): void;
}) {
  const v = useQuery({ ...versionQuery(id), enabled: false });
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={disabled}
      title={title}
      aria-label={`Restore version #${n}`}
      onClick={async () => {
        const r = v.data ?? (await v.refetch()).data;
        if (r) onRestore(r);
      }}
    >
      <RotateCcw aria-hidden />
      Restore
    </Button>
  );
}
