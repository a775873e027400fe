import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { cn } from "@/web/lib/utils";
import { formatCount, formatPercent, type Kpi } from "../stats-shaping";

function tone(k: Kpi): string {
  if (k.delta.direction === "flat") return "text-muted-foreground";
  const good = (k.delta.direction === "up") === k.higherIsBetter;
  return good ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400";
}

function deltaText(k: Kpi): string {
  if (k.delta.direction === "flat") return "no change";
  if (k.delta.percent === null) return "new";
  // A near-empty previous period makes huge ratios that read as noise.
  if (Math.abs(k.delta.percent) >= 1000) return k.delta.percent > 0 ? ">+999%" : "<-999%";
  return `${k.delta.percent > 0 ? "+" : ""}${k.delta.percent.toFixed(Math.abs(k.delta.percent) < 10 ? 1 : 0)}%`;
}

export function StatsKpis({ kpis }: { kpis: Kpi[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="stats-kpis">
      {kpis.map((k) => {
        const Icon = k.delta.direction === "up" ? ArrowUpRight : k.delta.direction === "down" ? ArrowDownRight : Minus;
        const value = k.format === "percent" ? formatPercent(k.value) : formatCount(k.value);
        return (
          <div key={k.id} className="min-w-0 rounded-lg border bg-card p-3" data-testid={`kpi-${k.id}`} title={k.hint}>
            <dt className="truncate text-xs font-medium text-muted-foreground">{k.label}</dt>
            <dd className="mt-1 flex flex-wrap items-baseline gap-x-2">
              <span className="text-xl font-semibold tabular-nums">{value}</span>
              <span className={cn("inline-flex items-center gap-0.5 text-xs tabular-nums", tone(k))}>
                <Icon className="size-3" aria-hidden />
                {deltaText(k)}
                <span className="sr-only"> compared with the previous period</span>
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
