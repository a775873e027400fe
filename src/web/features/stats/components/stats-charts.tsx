import { useQuery } from "@tanstack/react-query";
import { useState, type ReactElement } from "react";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  statsBounces,
  statsClickBrowsers,
  statsClickLocation,
  statsClickPlatforms,
  statsClicks,
  statsOpenClients,
  statsOpenPlatforms,
  statsOpens,
  statsSends,
  statsSpam,
} from "@/contract/postmark/stats";
import { chartQuery, type StatsFilter, type StatsOp } from "../stats-queries";
import {
  breakdownTable,
  breakdownTotals,
  exportFileName,
  fillDays,
  formatCount,
  previousKey,
  previousRange,
  seriesSummary,
  seriesTable,
  shortDay,
  topN,
  withPrevious,
  type DateRange,
  type DayRow,
  type Slice,
} from "../stats-shaping";
import { StatsChartCard } from "./stats-chart-card";

// Mid-lightness colours that read on both the light and the dark card background.
const palette = [
  "oklch(0.62 0.17 262)",
  "oklch(0.7 0.15 160)",
  "oklch(0.75 0.15 75)",
  "oklch(0.64 0.2 25)",
  "oklch(0.65 0.15 310)",
  "oklch(0.7 0.1 220)",
  "oklch(0.6 0.02 260)",
];
const previousColour = "var(--muted-foreground)";
const axis = { stroke: "var(--muted-foreground)", fontSize: 11, tickLine: false } as const;
const tooltipStyle = {
  backgroundColor: "var(--popover)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  color: "var(--popover-foreground)",
  fontSize: 12,
};

interface Props {
  range: DateRange;
  filter: StatsFilter;
  serverId: number | null;
  empty?: boolean;
  /** "Nov 1 – Nov 30 · stream outbound": under the title of an exported image. */
  periodText: string;
}

function useStats(op: StatsOp, p: Props, range = p.range, enabled = true) {
  return useQuery({ ...chartQuery(op, range, p.filter, p.serverId), enabled });
}

function frame(chart: ReactElement) {
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0}>
      {chart}
    </ResponsiveContainer>
  );
}

interface SeriesSpec {
  key: string;
  label: string;
}

function TimeSeries({
  id,
  title,
  description,
  op,
  series,
  kind,
  props,
}: {
  id: string;
  title: string;
  description?: string;
  op: StatsOp;
  series: SeriesSpec[];
  kind: "area" | "line" | "stacked";
  props: Props;
}) {
  const [compare, setCompare] = useState(false);
  const q = useStats(op, props);
  const before = previousRange(props.range);
  const prevQ = useStats(op, props, before, compare);
  const keys = series.map((s) => s.key);
  const current: DayRow[] = q.data ? fillDays(q.data.Days, props.range, keys) : [];
  const previous: DayRow[] = compare && prevQ.data ? fillDays(prevQ.data.Days, before, keys) : [];
  const rows = compare ? withPrevious(current, previous, keys) : current;
  const total = current.reduce((s, r) => s + series.reduce((t, x) => t + Number(r[x.key]), 0), 0);
  const prevTotal = previous.reduce((s, r) => s + series.reduce((t, x) => t + Number(r[x.key]), 0), 0);
  // An empty period is still worth a chart when the previous one had something to compare with.
  const state =
    q.isPending || (compare && prevQ.isPending)
      ? "pending"
      : q.isError
        ? "error"
        : compare && prevQ.isError
          ? "error"
          : total === 0 && prevTotal === 0
            ? "empty"
            : "ready";
  let summary = series.map((s) => seriesSummary(current, s.key, s.label)).join(" ");
  if (compare && prevQ.data)
    summary += ` Previous period: ${series.map((s) => seriesSummary(previous, s.key, s.label)).join(" ")}`;
  const table = seriesTable(rows, series, compare);
  const previousLines = !compare
    ? null
    : kind === "stacked"
      ? // Stacked bars compare best with one line: the previous period's total.
        [
          <Line
            key="prev-total"
            type="monotone"
            dataKey={(r: DayRow) => keys.reduce((t, k) => t + Number(r[previousKey(k)] ?? 0), 0)}
            name="Previous period (total)"
            stroke={previousColour}
            strokeDasharray="4 3"
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />,
        ]
      : series.map((s, i) => (
          <Line
            key={previousKey(s.key)}
            type="monotone"
            dataKey={previousKey(s.key)}
            name={`${s.label} (previous)`}
            stroke={series.length > 1 ? palette[i] : previousColour}
            strokeOpacity={0.7}
            strokeDasharray="4 3"
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
        ));
  const chart = (
    <ComposedChart data={rows} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
      <CartesianGrid stroke="var(--border)" vertical={false} />
      <XAxis dataKey="date" tickFormatter={shortDay} {...axis} minTickGap={16} />
      <YAxis {...axis} width={36} allowDecimals={false} />
      <Tooltip contentStyle={tooltipStyle} labelFormatter={(d) => shortDay(String(d))} />
      {(series.length > 1 || compare) && <Legend wrapperStyle={{ fontSize: 12 }} />}
      {series.map((s, i) =>
        kind === "area" ? (
          <Area
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={palette[i]}
            fill={palette[i]}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
        ) : kind === "line" ? (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={palette[i]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ) : (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={palette[i]} isAnimationActive={false} />
        ),
      )}
      {previousLines}
    </ComposedChart>
  );
  return (
    <StatsChartCard
      id={id}
      title={title}
      description={
        compare
          ? `${description ? `${description}; ` : ""}dashed: ${shortDay(before.fromdate)}–${shortDay(before.todate)}`
          : description
      }
      summary={summary}
      table={table}
      state={state}
      stale={q.isPlaceholderData || (compare && prevQ.isPlaceholderData)}
      error={q.error ?? prevQ.error}
      onRetry={() => void (q.isError ? q.refetch() : prevQ.refetch())}
      compare={{ on: compare, onToggle: () => setCompare(!compare) }}
      fileName={(ext) => exportFileName(id, props.range, props.filter, ext)}
      periodText={props.periodText}
    >
      {frame(chart)}
    </StatsChartCard>
  );
}

function Breakdown({
  id,
  title,
  description,
  op,
  top,
  props,
}: {
  id: string;
  title: string;
  description?: string;
  op: StatsOp;
  top: number;
  props: Props;
}) {
  const q = useStats(op, props);
  const slices: Slice[] = q.data ? topN(breakdownTotals(q.data), top) : [];
  const state = q.isPending ? "pending" : q.isError ? "error" : slices.length === 0 ? "empty" : "ready";
  const summary = slices.length
    ? `${title}: ${slices.map((s) => `${s.name} ${formatCount(s.value)} (${s.percent.toFixed(1)}%)`).join(", ")}.`
    : `${title}: none in this period.`;
  return (
    <StatsChartCard
      id={id}
      title={title}
      description={description}
      summary={summary}
      table={breakdownTable(slices)}
      state={state}
      stale={q.isPlaceholderData}
      error={q.error}
      onRetry={() => void q.refetch()}
      fileName={(ext) => exportFileName(id, props.range, props.filter, ext)}
      periodText={props.periodText}
    >
      {frame(
        <BarChart data={slices} layout="vertical" margin={{ top: 4, right: 16, left: 0, bottom: 0 }}>
          <CartesianGrid stroke="var(--border)" horizontal={false} />
          <XAxis type="number" {...axis} allowDecimals={false} />
          <YAxis type="category" dataKey="name" {...axis} width={96} interval={0} />
          <Tooltip
            contentStyle={tooltipStyle}
            cursor={{ fill: "var(--muted)" }}
            formatter={(v) => formatCount(Number(v))}
          />
          <Bar
            dataKey="value"
            name="Count"
            fill={palette[0]}
            radius={[0, 3, 3, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
        </BarChart>,
      )}
    </StatsChartCard>
  );
}

export function StatsCharts(props: Props) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Delivery" className="grid gap-4 lg:grid-cols-2">
        <TimeSeries
          id="sends"
          title="Sent"
          description="Messages sent per day, per recipient"
          op={statsSends}
          series={[{ key: "Sent", label: "Sent" }]}
          kind="area"
          props={props}
        />
        <TimeSeries
          id="bounces"
          title="Bounces by type"
          op={statsBounces}
          series={[
            { key: "HardBounce", label: "Hard bounce" },
            { key: "SoftBounce", label: "Soft bounce" },
            { key: "Transient", label: "Transient" },
            { key: "SMTPApiError", label: "SMTP API error" },
          ]}
          kind="stacked"
          props={props}
        />
        <TimeSeries
          id="spam"
          title="Spam complaints"
          op={statsSpam}
          series={[{ key: "SpamComplaint", label: "Spam complaints" }]}
          kind="stacked"
          props={props}
        />
        <TimeSeries
          id="opens"
          title="Opens"
          description="Total and unique opens per day"
          op={statsOpens}
          series={[
            { key: "Opens", label: "Opens" },
            { key: "Unique", label: "Unique opens" },
          ]}
          kind="line"
          props={props}
        />
        <TimeSeries
          id="clicks"
          title="Clicks"
          description="Total and unique clicks per day"
          op={statsClicks}
          series={[
            { key: "Clicks", label: "Clicks" },
            { key: "Unique", label: "Unique clicks" },
          ]}
          kind="line"
          props={props}
        />
      </section>
      <section aria-label="Breakdowns" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Breakdown id="open-platforms" title="Opens by platform" op={statsOpenPlatforms} top={4} props={props} />
        <Breakdown
          id="open-clients"
          title="Opens by email client"
          description="Top 6, the rest as Other"
          op={statsOpenClients}
          top={6}
          props={props}
        />
        <Breakdown
          id="click-browsers"
          title="Clicks by browser"
          description="Top 6, the rest as Other"
          op={statsClickBrowsers}
          top={6}
          props={props}
        />
        <Breakdown id="click-platforms" title="Clicks by platform" op={statsClickPlatforms} top={4} props={props} />
        <Breakdown
          id="click-location"
          title="Clicks by location"
          description="Links in the HTML or the text body"
          op={statsClickLocation}
          top={4}
          props={props}
        />
      </section>
    </div>
  );
}
