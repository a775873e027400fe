import type { ApprovalItem } from "@/contract/api/approvals";
import { JsonViewer } from "@/web/components/json-viewer";
import { ApprovalsSection } from "./approvals-item-context";

const sendOps = new Set([
  "email.send",
  "email.sendWithTemplate",
  "email.sendBatch",
  "email.sendBatchWithTemplates",
  "bulk.send",
]);

export function isSend(item: Pick<ApprovalItem, "step">): boolean {
  return sendOps.has(item.step.operationId);
}

type Msg = Record<string, unknown>;
const s = (v: unknown) => (typeof v === "string" && v ? v : typeof v === "number" ? String(v) : null);

/** The first message of a send (a batch shows its first and says how many). */
function firstMessage(body: unknown): { msg: Msg; count: number } {
  if (Array.isArray(body)) return { msg: (body[0] ?? {}) as Msg, count: body.length };
  const b = (body ?? {}) as Msg;
  if (Array.isArray(b.Messages)) return { msg: { ...b, ...((b.Messages[0] ?? {}) as Msg) }, count: b.Messages.length };
  return { msg: b, count: 1 };
}

/** The email as the recipient will see it; HTML only inside a sandboxed iframe with scripts off. */
export function ApprovalsEmailPreview({ item }: { item: ApprovalItem }) {
  const { msg, count } = firstMessage(item.request.body);
  const template = s(msg.TemplateAlias) ?? s(msg.TemplateId);
  const html = s(msg.HtmlBody);
  const textBody = s(msg.TextBody);
  return (
    <ApprovalsSection title={count > 1 ? `The email (first of ${count})` : "The email"} testId="approval-email">
      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {s(msg.From) && (
          <>
            <dt className="text-muted-foreground">From</dt>
            <dd className="break-all">{s(msg.From)}</dd>
          </>
        )}
        {s(msg.To) && (
          <>
            <dt className="text-muted-foreground">To</dt>
            <dd className="break-all">{s(msg.To)}</dd>
          </>
        )}
        {s(msg.Subject) && (
          <>
            <dt className="text-muted-foreground">Subject</dt>
            <dd className="break-words">{s(msg.Subject)}</dd>
          </>
        )}
        {template && (
          <>
            <dt className="text-muted-foreground">Template</dt>
            <dd className="font-mono break-all">{template}</dd>
          </>
        )}
      </dl>
      {template && msg.TemplateModel !== undefined && (
        <div className="mb-3">
          <p className="mb-1 text-xs text-muted-foreground">
            Template model (Postmark renders the template with it when sending)
          </p>
          <JsonViewer value={msg.TemplateModel} className="max-h-60 overflow-y-auto" />
        </div>
      )}
      {html ? (
        <iframe
          title="Email preview"
          sandbox=""
          srcDoc={html}
          referrerPolicy="no-referrer"
          className="h-80 w-full rounded-md border bg-white"
          data-testid="approval-email-frame"
        />
      ) : textBody ? (
        <pre className="max-h-80 overflow-auto rounded-md border bg-muted/40 p-3 text-xs whitespace-pre-wrap">
          {textBody}
        </pre>
      ) : (
        !template && <p className="text-sm text-muted-foreground">No body in this request.</p>
      )}
    </ApprovalsSection>
  );
}
