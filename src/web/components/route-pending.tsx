import { Skeleton } from "@/web/components/ui/skeleton";

export function RoutePending() {
  return (
    <div className="flex flex-col gap-3 p-1" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-80 max-w-full" />
      <Skeleton className="mt-4 h-40 w-full" />
    </div>
  );
}
