import { TriangleAlert } from "lucide-react";
import { PostmarkErrorView } from "@/web/components/postmark-error";
import { Button } from "@/web/components/ui/button";
import { isApiError } from "@/web/lib/api-error";

export function ErrorState({
  title = "Something went wrong",
  error,
  onRetry,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-4"
    >
      <div className="flex items-center gap-2 font-medium text-destructive">
        <TriangleAlert className="size-4" aria-hidden />
        {title}
      </div>
      {isApiError(error) ? (
        <PostmarkErrorView error={error} />
      ) : (
        <p className="text-sm break-words text-muted-foreground">
          {error instanceof Error ? error.message : String(error)}
        </p>
      )}
      {onRetry && (
        <Button variant="outline" size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
