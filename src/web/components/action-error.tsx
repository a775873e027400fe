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
}: {
  error: unknown;
  title?: string;
  testId?: string;
  className?: string;
}) {
  return (
    <div
      role="alert"
      className={cn("rounded-md border border-destructive/30 bg-destructive/5 p-3", className)}
      data-testid={testId}
    >
      {title && <p className="mb-2 text-sm font-medium text-destructive">{title}</p>}
      {isApiError(error) ? <PostmarkErrorView error={error} /> : <p className="text-sm">{String(error)}</p>}
    </div>
  );
}
