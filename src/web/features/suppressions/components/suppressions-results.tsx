import { CheckCircle2, XCircle } from "lucide-react";
import { summariseResults, type ItemResult } from "../suppressions-shape";

/** Postmark answers 200 with one result per address; failures are listed with Postmark's message. */
export function SuppressionsResults({ title, results }: { title: string; results: ItemResult[] }) {
  const { succeeded, failed } = summariseResults(results);
  return (
    <section role="status" data-testid="suppressions-results" className="rounded-lg border bg-card p-3 text-sm">
      <p className="font-medium">
        {title}: {succeeded} of {results.length} done{failed.length ? `, ${failed.length} failed` : ""}.
      </p>
      <ul className="mt-2 flex max-h-60 flex-col gap-1 overflow-y-auto">
        {results.map((r, i) => (
          <li key={`${r.EmailAddress}-${i}`} className="flex min-w-0 items-start gap-2" data-status={r.Status}>
            {r.Status === "Failed" ? (
              <XCircle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
            ) : (
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
            )}
            <span className="min-w-0 break-all">{r.EmailAddress}</span>
            <span className="shrink-0 text-muted-foreground">{r.Status}</span>
            {r.Message && <span className="min-w-0 break-words text-muted-foreground">— {r.Message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
