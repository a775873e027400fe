import { JsonViewer } from "@/web/components/json-viewer";
import { ActionError } from "@/web/components/action-error";
import { Badge } from "@/web/components/ui/badge";
import type { ApiResponse } from "@/web/lib/api-client";
import { toApiError } from "@/web/lib/api-error";
import { formatDuration } from "@/web/lib/format";

/** Status, timing and body of a call; an error answer shows Postmark's ErrorCode and Message first. */
export function OperationResult({ response }: { response: ApiResponse }) {
  return (
    <div className="flex flex-col gap-3" data-testid="operation-result">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant={response.ok ? "success" : "destructive"} data-testid="response-status">
          {response.status}
        </Badge>
        <span className="text-muted-foreground">{formatDuration(response.durationMs)}</span>
      </div>
      {!response.ok && <ActionError error={toApiError(response.status, response.body)} />}
      {response.body === null ? (
        <p className="text-sm text-muted-foreground">Empty body.</p>
      ) : typeof response.body === "string" ? (
        <pre className="overflow-x-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre-wrap">
          {response.body}
        </pre>
      ) : (
        <JsonViewer value={response.body} className="max-h-[32rem] overflow-y-auto" />
      )}
    </div>
  );
}
