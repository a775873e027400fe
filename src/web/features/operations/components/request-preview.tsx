import type { PreparedRequest } from "@/web/lib/operation-request";

/** The exact request Mailroom will send to Postmark, as the user would write it with curl. */
export function RequestPreview({ request, serverHeader }: { request: PreparedRequest; serverHeader?: string }) {
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="request-preview">
      <pre className="overflow-x-auto rounded-md bg-muted px-3 py-2 font-mono whitespace-pre-wrap break-all">
        <span className="font-semibold">{request.method}</span> {request.path}
        {request.search}
        {serverHeader && `\nX-Mailroom-Server: ${serverHeader}`}
        {request.body !== undefined && "\nContent-Type: application/json"}
      </pre>
      {request.body !== undefined && (
        <pre className="max-h-72 overflow-auto rounded-md border bg-muted/40 px-3 py-2 font-mono">
          {JSON.stringify(request.body, null, 2)}
        </pre>
      )}
      <p className="text-muted-foreground">
        Sent to <span className="font-mono">{request.url}</span>; Mailroom adds the token.
      </p>
    </div>
  );
}
