import { Badge } from "@/web/components/ui/badge";
import type { ApprovalItem } from "@/contract/api/approvals";
import { expiresIn } from "../approvals-describe";
import { ApprovalsBounceContext } from "./approvals-bounce-context";
import { ApprovalsEditedSection } from "./approvals-edited-section";
import { ApprovalsEmailPreview, isSend } from "./approvals-email-preview";
import {
  ApprovalsBlastRadius,
  ApprovalsEventSection,
  ApprovalsOutcomeSection,
  ApprovalsPolicySection,
  ApprovalsRequestSection,
  ApprovalsUncertainWarning,
  ApprovalsVotes,
} from "./approvals-item-context";

const statusVariant = { pending: "warning", approved: "success", rejected: "destructive", expired: "outline" } as const;
const riskVariant = { read: "secondary", write: "secondary", destructive: "destructive" } as const;

/** Everything about one item, essentials first: what happens to whom, the warning, then the context. */
export function ApprovalsItemView({
  item,
  headline,
  serverName,
}: {
  item: ApprovalItem;
  headline: string;
  serverName: string | null;
}) {
  return (
    <article className="flex min-w-0 flex-col gap-3" data-testid="approval-item">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge variant={statusVariant[item.status]}>{item.status}</Badge>
        <Badge variant={riskVariant[item.step.risk]}>{item.step.risk}</Badge>
        {item.edit && (
          <Badge variant="warning" data-testid="approval-edited-badge">
            edited by {item.edit.by}
          </Badge>
        )}
        {item.status === "pending" && (
          <span className="text-muted-foreground">expires {expiresIn(item.expiresAt)}</span>
        )}
        <span className="text-muted-foreground">
          <ApprovalsVotes item={item} />
        </span>
      </div>
      <h1
        className="text-xl leading-snug font-semibold tracking-tight break-words sm:text-2xl"
        data-testid="approval-headline"
      >
        {headline}
      </h1>
      <p className="-mt-1 text-sm text-muted-foreground">
        {item.workflow.name || "A workflow"} wants to run <span className="font-mono">{item.step.operationId}</span>.
      </p>
      {item.uncertain && <ApprovalsUncertainWarning />}
      <ApprovalsEditedSection item={item} />
      <ApprovalsOutcomeSection item={item} />
      <div className="grid min-w-0 gap-3 lg:grid-cols-2">
        <ApprovalsBlastRadius item={item} serverName={serverName} />
        <ApprovalsEventSection item={item} />
      </div>
      {isSend(item) && <ApprovalsEmailPreview item={item} />}
      {item.step.operationId === "bounces.activate" && <ApprovalsBounceContext item={item} />}
      <ApprovalsRequestSection item={item} />
      <ApprovalsPolicySection item={item} />
    </article>
  );
}
