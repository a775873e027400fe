import { PencilLine } from "lucide-react";
import type { ApprovalItem } from "@/contract/api/approvals";
import { formatDateTime } from "@/web/lib/format";
import { listAddresses } from "../approvals-describe";

const shown = (v: unknown) => (v === undefined ? "(not set)" : typeof v === "string" ? v : JSON.stringify(v, null, 1));

function Value({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: unknown;
  tone: "before" | "after";
  testId: string;
}) {
  const absent = value === undefined;
  return (
    <div
      className={`min-w-0 rounded-md p-2 ${tone === "before" ? "bg-destructive/10" : "bg-success/15"}`}
      data-testid={testId}
    >
      <p className="mb-0.5 text-[0.7rem] font-medium tracking-wide text-muted-foreground uppercase">{label}</p>
      <p
        className={`max-h-40 overflow-y-auto font-mono text-xs break-all whitespace-pre-wrap ${absent ? "text-muted-foreground italic" : ""} ${tone === "before" && !absent ? "line-through decoration-destructive/60" : ""}`}
      >
        {shown(value)}
      </p>
    </div>
  );
}

/**
 * An approver changed the request: say so before anything else, with each change against what the
 * workflow produced, and who it now reaches. The editor's approval does not count for it.
 */
export function ApprovalsEditedSection({ item }: { item: ApprovalItem }) {
  const e = item.edit;
  if (!e) return null;
  const before = e.originalBlastRadius;
  const after = item.blastRadius;
  const reachChanged = before.recipients !== after.recipients || before.addresses.join() !== after.addresses.join();
  return (
    <section
      role="note"
      aria-label="Edited request"
      className="min-w-0 rounded-lg border-2 border-warning bg-warning/10 p-4"
      data-testid="approval-edited"
    >
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <PencilLine className="size-4 shrink-0" aria-hidden />
        Edited by {e.by}
      </h2>
      <p className="mt-1 text-sm">
        {formatDateTime(e.at)}. This is not what the workflow produced: {e.changes.length} change
        {e.changes.length === 1 ? "" : "s"} below.
        {item.status === "pending" && <> It needs approval by someone other than {e.by}.</>}
      </p>
      {reachChanged && (
        <p className="mt-2 text-sm" data-testid="approval-edited-reach">
          Reaches <span className="font-semibold">{listAddresses(after.addresses, after.recipients)}</span>; the
          workflow produced {listAddresses(before.addresses, before.recipients)}.
        </p>
      )}
      <ul className="mt-3 flex flex-col gap-2" data-testid="approval-edited-changes">
        {e.changes.map((c) => (
          <li key={c.path} className="min-w-0 rounded-md border bg-card p-2" data-testid="approval-edited-change">
            <p className="mb-1.5 font-mono text-xs font-semibold break-all">
              {c.path} <span className="font-sans font-normal text-muted-foreground">({c.kind})</span>
            </p>
            <div className="grid min-w-0 gap-1.5 sm:grid-cols-2">
              <Value label="Workflow produced" value={c.before} tone="before" testId="approval-edited-before" />
              <Value label="Will be sent" value={c.after} tone="after" testId="approval-edited-after" />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
