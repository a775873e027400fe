import { postmarkTimeParts } from "@/web/lib/format";

/** A Postmark timestamp in US Eastern (the zone its date filters use), with local time beside it. */
export function PostmarkTime({ iso }: { iso: string | null | undefined }) {
  const parts = postmarkTimeParts(iso);
  if (!parts) return <>{iso || "—"}</>;
  return (
    <time dateTime={iso ?? undefined} className="inline-flex flex-wrap gap-x-1">
      <span>{parts.eastern}</span>
      {parts.local && <span className="text-muted-foreground/80">({parts.local})</span>}
    </time>
  );
}
