import type { ApiError } from "@/web/lib/api-error";

/** Shows an error as the user needs it: Postmark's ErrorCode and Message, or Mailroom's own code and message. */
export function PostmarkErrorView({ error }: { error: ApiError }) {
  if (error.kind === "postmark") {
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="postmark-error">
        <dt className="text-muted-foreground">ErrorCode</dt>
        <dd className="font-mono font-medium">{error.postmarkCode}</dd>
        <dt className="text-muted-foreground">Message</dt>
        <dd className="break-words">{error.message}</dd>
        <dt className="text-muted-foreground">HTTP status</dt>
        <dd className="font-mono">{error.status}</dd>
      </dl>
    );
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="mailroom-error">
      {error.code && (
        <>
          <dt className="text-muted-foreground">Code</dt>
          <dd className="font-mono">{error.code}</dd>
        </>
      )}
      <dt className="text-muted-foreground">Message</dt>
      <dd className="break-words">{error.message}</dd>
      {error.status > 0 && (
        <>
          <dt className="text-muted-foreground">HTTP status</dt>
          <dd className="font-mono">{error.status}</dd>
        </>
      )}
    </dl>
  );
}
