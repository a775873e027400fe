import { Link } from "@tanstack/react-router";
import { ExternalLink, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { ApprovalItem } from "@/contract/api/approvals";
import { JsonViewer } from "@/web/components/json-viewer";
import { TriggerBadge } from "@/web/components/trigger-badge";
import { Badge } from "@/web/components/ui/badge";
import { formatDateTime } from "@/web/lib/format";
import { expiresIn } from "../approvals-describe";

export function ApprovalsSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="min-w-0 rounded-lg border bg-card p-4" data-testid={testId}>
      <h2 className="mb-3 text-sm font-semibold tracking-tight text-muted-foreground uppercase">{title}</h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** The warning that matters most: the step may already have gone out before Mailroom stopped. */
export function ApprovalsUncertainWarning() {
  return (
    <div
      role="alert"
      data-testid="approval-uncertain"
      className="flex gap-3 rounded-lg border-2 border-warning bg-warning/15 p-3 text-sm"
    >
      <TriangleAlert className="mt-0.5 size-5 shrink-0 text-warning-foreground dark:text-warning" aria-hidden />
      <div>
        <p className="font-semibold">This may have already run.</p>
        <p>
          Mailroom stopped while this step was in flight. Check Postmark (the event, the suppression list, the activity)
          before approving, or it may happen twice.
        </p>
      </div>
    </div>
  );
}

const str = (v: unknown) => (typeof v === "string" && v ? v : typeof v === "number" ? String(v) : null);

export function ApprovalsEventSection({ item }: { item: ApprovalItem }) {
  const s = item.event.summary;
  return (
    <ApprovalsSection title="Caused by" testId="approval-event">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <TriggerBadge kind={item.event.trigger} />
        {item.event.id !== null ? (
          <Link
            to="/feed"
            search={{ event: item.event.id }}
            className="inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline"
          >
            Event #{item.event.id} in the feed <ExternalLink className="size-3.5" aria-hidden />
          </Link>
        ) : (
          <span className="text-sm text-muted-foreground">a test event (not stored)</span>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {str(s.recipient) && <Row label="Recipient">{str(s.recipient)}</Row>}
        {str(s.sender) && <Row label="From">{str(s.sender)}</Row>}
        {str(s.subject) && <Row label="Subject">{str(s.subject)}</Row>}
        {str(s.detail) && <Row label="Detail">{str(s.detail)}</Row>}
        {str(s.messageStream) && <Row label="Stream">{str(s.messageStream)}</Row>}
        <Row label="Workflow">
          <Link
            to="/workflows/$workflowId"
            params={{ workflowId: String(item.workflow.id) }}
            className="text-primary underline-offset-4 hover:underline"
          >
            {item.workflow.name || `#${item.workflow.id}`}
          </Link>{" "}
          <span className="text-muted-foreground">
            v{item.workflow.version}, step {item.step.name ?? item.step.id}
          </span>
        </Row>
        <Row label="Run">
          <Link
            to="/runs/$runId"
            params={{ runId: String(item.runId) }}
            className="text-primary underline-offset-4 hover:underline"
          >
            #{item.runId}
          </Link>
        </Row>
      </dl>
    </ApprovalsSection>
  );
}

export function ApprovalsBlastRadius({ item, serverName }: { item: ApprovalItem; serverName: string | null }) {
  const b = item.blastRadius;
  return (
    <ApprovalsSection title="Blast radius" testId="approval-blast-radius">
      <p className="mb-2 text-sm">
        <span className="text-lg font-semibold">{b.recipients}</span> address{b.recipients === 1 ? "" : "es"}
        {b.domains.length > 0 && (
          <>
            {" "}
            at {b.domains.length} domain{b.domains.length === 1 ? "" : "s"}
          </>
        )}
        {b.serverId !== null && <>, server {serverName ?? `#${b.serverId}`}</>}
      </p>
      {b.addresses.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {b.addresses.map((a) => (
            <li key={a}>
              <Badge variant="secondary" className="max-w-full font-mono break-all whitespace-normal">
                {a}
              </Badge>
            </li>
          ))}
          {b.recipients > b.addresses.length && (
            <li className="text-sm text-muted-foreground">and {b.recipients - b.addresses.length} more</li>
          )}
        </ul>
      )}
      {b.domains.length > 0 && <p className="mt-2 text-xs text-muted-foreground">Domains: {b.domains.join(", ")}</p>}
    </ApprovalsSection>
  );
}

export function ApprovalsRequestSection({ item }: { item: ApprovalItem }) {
  const query = Object.entries(item.request.query);
  const search = query.length ? `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}` : "";
  return (
    <ApprovalsSection title="Exact request" testId="approval-request">
      <p className="mb-2 font-mono text-sm break-all">
        <span className="mr-2 font-semibold">{item.request.method}</span>
        {item.request.path}
        {search}
      </p>
      <p className="mb-2 text-xs text-muted-foreground">
        {item.step.title} · <span className="font-mono">{item.step.operationId}</span> · {item.step.risk}
        {item.edited && ` · edited${item.edit ? ` by ${item.edit.by}` : ""}; this is the request that will be sent`}
      </p>
      {item.request.body !== null && item.request.body !== undefined && (
        <JsonViewer value={item.request.body} className="max-h-80 overflow-y-auto" />
      )}
    </ApprovalsSection>
  );
}

export function ApprovalsVotes({ item }: { item: ApprovalItem }) {
  const done = item.approvals.length;
  const need = item.policy.approvers;
  return (
    <span data-testid="approval-votes" className="inline-flex items-center gap-1.5">
      <span className="flex gap-0.5" aria-hidden>
        {Array.from({ length: need }, (_, i) => (
          <span key={i} className={`size-2 rounded-full ${i < done ? "bg-success" : "bg-muted-foreground/30"}`} />
        ))}
      </span>
      {done} of {need} approval{need === 1 ? "" : "s"}
    </span>
  );
}

export function ApprovalsPolicySection({ item }: { item: ApprovalItem }) {
  return (
    <ApprovalsSection title="Policy" testId="approval-policy">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <Row label="Approvals">
          <ApprovalsVotes item={item} />
          {item.approvals.length > 0 && (
            <span className="text-muted-foreground"> ({item.approvals.map((a) => a.username).join(", ")})</span>
          )}
        </Row>
        {item.status === "pending" && (
          <Row label="Expires">
            {expiresIn(item.expiresAt)}{" "}
            <span className="text-muted-foreground">({formatDateTime(item.expiresAt)})</span>
          </Row>
        )}
        <Row label="Self-approval">
          {item.policy.allowSelfApproval
            ? "allowed"
            : `not allowed${item.policy.author ? ` (author: ${item.policy.author})` : ""}`}
        </Row>
        <Row label="Queued">{formatDateTime(item.createdAt)}</Row>
      </dl>
    </ApprovalsSection>
  );
}

export function ApprovalsOutcomeSection({ item }: { item: ApprovalItem }) {
  if (item.status === "pending") return null;
  return (
    <ApprovalsSection title="Decision" testId="approval-decision">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <Row label="Status">{item.status}</Row>
        {item.decidedBy && <Row label="By">{item.decidedBy}</Row>}
        {item.decidedAt && <Row label="At">{formatDateTime(item.decidedAt)}</Row>}
        {item.reason && <Row label="Reason">{item.reason}</Row>}
        {item.outcome && <Row label="Outcome">{item.outcome}</Row>}
      </dl>
    </ApprovalsSection>
  );
}
