import type { Ref } from "react";
import { isApiError } from "@/web/lib/api-error";
import { cn } from "@/web/lib/utils";
import { PostmarkErrorView } from "./postmark-error";

/**
 * Why an action failed, in one box: Postmark's ErrorCode and Message (or Mailroom's own code and
 * message), under an optional title saying what was being done.
 */
export function ActionError({
  error,
  title,
  testId,
  className,
  ref,
}: {
  error: unknown;
  title?: string;
  testId?: string;
  className?: string;
  /** For callers that scroll the failure into view. */
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      role="alert"
      className={cn("rounded-md border border-destructive/30 bg-destructive/5 p-3", className)}
      data-testid={testId}
    >
      {title && <p className="mb-2 text-sm font-medium text-destructive">{title}</p>}
      {isApiError(error) ? (
        <PostmarkErrorView error={error} />
      ) : (
        <p className="text-sm break-words">{error instanceof Error ? error.message : String(error)}</p>
      )}
    </div>
  );
}
