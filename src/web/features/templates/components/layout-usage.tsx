import { Link } from "@tanstack/react-router";
import { ErrorState } from "@/web/components/error-state";
import { Skeleton } from "@/web/components/ui/skeleton";
import type { TemplatesList } from "../templates-api";

/** Which templates wrap themselves in this layout; a layout in use cannot be deleted. */
export function LayoutUsage({
  users,
  pending,
  error,
  onRetry,
}: {
  users: TemplatesList["Templates"];
  pending: boolean;
  error: unknown;
  onRetry(): void;
}) {
  if (pending) return <Skeleton className="h-16 w-full" aria-label="Loading the templates that use this layout" />;
  if (error)
    return <ErrorState title="Could not list the templates that use this layout" error={error} onRetry={onRetry} />;
  return (
    <section
      className="rounded-md border p-3"
      aria-label="Templates using this layout"
      data-testid="layout-usage"
      data-count={users.length}
    >
      <h2 className="text-sm font-semibold">
        {users.length === 0
          ? "No template uses this layout"
          : `Used by ${users.length} template${users.length === 1 ? "" : "s"}`}
      </h2>
      {users.length > 0 ? (
        <>
          <p className="mt-1 text-xs text-muted-foreground">
            It cannot be deleted while these templates use it; move them to another layout first.
          </p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {users.map((t) => (
              <li key={t.TemplateId}>
                <Link
                  to="/templates/$idOrAlias"
                  params={{ idOrAlias: t.Alias ?? String(t.TemplateId) }}
                  className="inline-block rounded border px-2 py-1 text-xs hover:bg-muted"
                  data-testid="layout-user"
                >
                  {t.Name} {t.Alias && <span className="font-mono text-muted-foreground">({t.Alias})</span>}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-xs text-muted-foreground">Templates choose it in their Layout field.</p>
      )}
    </section>
  );
}
